import { randomUUID } from 'node:crypto';
import { png } from '../media/testing/fixtures.js';
import type { TestApp } from '../testing/test-app.js';
import { addMember, makeUser, verifyEmail } from '../testing/teams.js';

/** The things the fuzzer's requests can name as existing: one signed-in, verified owner and what they made. */
export interface World {
  token: string;
  /** A real image file, for uploads meant to succeed. */
  image: Uint8Array;
  /** Path parameter name → the id of a real thing of that kind (every name the routes use that can be made here). */
  ids: Record<string, string>;
}

/**
 * Signs a person up through the API, verifies their address, and gives them a second workspace, a
 * teammate, a draft, an image, an unfinished upload, an invitation and a data export, so requests that
 * name existing things get past "not found" into the handlers' real work.
 */
export async function buildWorld(app: TestApp): Promise<World> {
  const owner = await verifyEmail(app, await app.signUp());
  const as = async (method: string, path: string, body?: unknown) => {
    const response = await app.request(method, path, { token: owner.token, body });
    if (response.status >= 300) throw new Error(`fuzz setup: ${method} ${path} answered ${response.status} ${response.text}`);
    return response.body;
  };
  const workspaceId = owner.workspaceId;
  const team = await as('POST', '/api/v1/workspaces', { name: 'Fuzz team' });
  const teammate = await makeUser(app, { firstName: 'Grace' });
  await addMember(app, workspaceId, teammate, 'editor');
  const capture = await as('POST', `/api/v1/workspaces/${workspaceId}/captures`, {
    clientId: randomUUID(),
    kind: 'page',
    url: 'https://example.com/article',
    draft: { title: 'A fuzzed draft' },
  });
  const image = await png();
  const media = await uploadImage(app, owner.token, workspaceId, image);
  const upload = await as('POST', `/api/v1/workspaces/${workspaceId}/media/uploads`, { filename: 'big.png', sizeBytes: 1_000, mimeType: 'image/png' });
  const invitation = await as('POST', `/api/v1/workspaces/${workspaceId}/invitations`, { email: `invitee-${randomUUID()}@example.com`, role: 'viewer' });
  const sessions = await as('GET', '/api/v1/me/sessions');
  const dataExport = await as('POST', '/api/v1/me/exports');
  const legal = await as('GET', '/api/v1/legal');
  return {
    token: owner.token,
    image,
    ids: {
      workspaceId,
      userId: teammate.user.id,
      postId: capture.post.id,
      mediaId: media.id,
      uploadId: upload.uploadId,
      invitationId: invitation.id,
      sessionId: sessions.items[0].id,
      exportId: dataExport.id,
      secondWorkspaceId: team.id,
      ...mediaFileParams(media.url),
      // Pages' parameters without a schema: a real legal document, network and import provider.
      kind: 'terms',
      version: legal.terms.version,
      platform: 'linkedin',
      provider: 'canva',
    },
  };
}

async function uploadImage(app: TestApp, token: string, workspaceId: string, image: Uint8Array): Promise<{ id: string; url: string }> {
  const response = await fetch(`${app.url}/api/v1/workspaces/${workspaceId}/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png', 'x-filename': 'fuzz.png' },
    body: image,
  });
  if (response.status !== 201) throw new Error(`fuzz setup: media upload answered ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; url: string };
}

/** The `/media/:area/:owner/:id/:variant` parts of a signed media address, so the file route sees real ones. */
function mediaFileParams(url: string): Record<string, string> {
  const match = /\/media\/([^/]+)\/([^/]+)\/([^/]+)\/([^/?]+)/.exec(new URL(url).pathname);
  return match ? { area: match[1]!, owner: match[2]!, id: match[3]!, variant: match[4]! } : {};
}

/**
 * True when the world is still whole: its owner can act and the things it names still exist (fuzzed
 * requests may sign the owner out, delete a draft, an image, an upload or the workspace…).
 */
export async function worldIsIntact(app: TestApp, world: World): Promise<boolean> {
  const workspace = `/api/v1/workspaces/${world.ids.workspaceId}`;
  const paths = [
    workspace,
    `/api/v1/workspaces/${world.ids.secondWorkspaceId}`,
    `${workspace}/posts/${world.ids.postId}`,
    `${workspace}/media/${world.ids.mediaId}`,
    `${workspace}/media/uploads/${world.ids.uploadId}`,
    `/api/v1/me/exports/${world.ids.exportId}`,
  ];
  const answers = await Promise.all(paths.map((path) => app.request('GET', path, { token: world.token })));
  if (answers.some((answer) => answer.status !== 200)) return false;
  const [invitations, members] = await Promise.all([app.request('GET', `${workspace}/invitations`, { token: world.token }), app.request('GET', `${workspace}/members`, { token: world.token })]);
  return JSON.stringify(invitations.body).includes(world.ids.invitationId!) && JSON.stringify(members.body).includes(world.ids.userId!);
}
