import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Endpoint, type EndpointName, type Endpoints, endpoints as table } from '#shared/api/endpoints.js';
import { ROLES, type Role, roleAllows } from '#shared/roles.js';
import { createTestApp, type TestApp, type TestResponse, type TestUser } from '../testing/test-app.js';
import { platformConfigFrom } from '../platforms/config.js';
import { sandboxEndpoints } from '../platforms/settings.js';
import { startStandalone, type Standalone } from '../sandbox/networks/kit/standalone.js';
import { createPinterestSimulator } from '../sandbox/networks/pinterest/index.js';
import { connectThroughApp } from '../testing/connect-through-app.js';
import { freshEmail, makeUser } from '../testing/teams.js';
import { integrationConnector, integrationTestConfig, startIntegrationSimulators } from '../imports/testing.js';
import type { StandaloneCanva } from '../sandbox/canva/standalone.js';
import type { StandaloneDrive } from '../sandbox/google-drive/standalone.js';
import { billingTestConfig, startBillingSandbox } from '../billing/testing.js';
import type { StripeSandbox } from '../sandbox/stripe/server.js';

/**
 * THE role × endpoint matrix (P24, P14), generated from shared/api/endpoints.ts: every endpoint with
 * auth 'member' is called by each role in a fresh workspace, by a member of another workspace, with
 * resource ids of another workspace, and without a session. A new member endpoint fails this file
 * until it has a fixture below (TypeScript asks for one, and the first test checks it at run time).
 */

// Widened so optional fields (body, response, status) can be read on any endpoint.
const endpoints: Record<EndpointName, Endpoint> = table;
type MemberEndpoint = { [N in EndpointName]: Endpoints[N]['auth'] extends 'member' ? N : never }[EndpointName];

const memberEndpoints = (Object.keys(endpoints) as EndpointName[]).filter(
  (name): name is MemberEndpoint => endpoints[name].auth === 'member',
);
const signedInEndpoints = (Object.keys(endpoints) as EndpointName[]).filter((name) => endpoints[name].auth !== 'none');

/** A fresh workspace in which each of `people` has the role of the same name. */
interface Scene {
  workspaceId: string;
  name: string;
  people: Record<Role, TestUser>;
}

/** What to send: path params besides workspaceId, query and body. */
interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  /** A file's bytes instead (endpoints with `upload: 'binary'`), with the headers that describe them. */
  upload?: { bytes: Uint8Array; headers: Record<string, string> };
}

// The smallest valid PNG (1×1 pixel): type and size are read from the bytes, so uploads need real ones.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const pngUpload = () => ({ bytes: PNG, headers: { 'content-type': 'image/png', 'x-filename': 'pixel.png' } });

let app: TestApp;
let people: Record<Role, TestUser>;
let outsider: TestUser;

/** A member of the scene's workspace made for one call (a target to change or remove). */
async function extraMember(scene: Scene, role: Role): Promise<string> {
  const person = await makeUser(app, { firstName: `Extra ${role}` });
  await app.db.knex('memberships').insert({ workspaceId: scene.workspaceId, userId: person.user.id, role });
  return person.user.id;
}

async function invitation(scene: Scene): Promise<string> {
  const [row] = await app.db
    .knex('invitations')
    .insert({
      workspaceId: scene.workspaceId,
      email: freshEmail(),
      role: 'viewer',
      tokenHash: randomUUID(),
      invitedBy: scene.people.owner.user.id,
      expiresAt: app.db.knex.raw(`now() + interval '1 day'`),
    })
    .returning('id');
  return row.id as string;
}

/** A medium uploaded to the scene's workspace by its owner. */
async function media(scene: Scene): Promise<string> {
  const uploaded = await send(table.uploadMedia, scene.workspaceId, { upload: pngUpload() }, scene.people.owner.token);
  if (uploaded.status !== 201) throw new Error(`media fixture: upload answered ${uploaded.status} ${uploaded.text}`);
  return uploaded.body.id as string;
}

/** A resumable upload started in the scene's workspace by its owner: one whole piece (4 MB) and a bit. */
const FIRST_PIECE = Buffer.alloc(4 * 1024 * 1024);
async function mediaUpload(scene: Scene): Promise<string> {
  const started = await send(table.createMediaUpload, scene.workspaceId, { body: { filename: 'pixel.png', sizeBytes: FIRST_PIECE.length + PNG.length } }, scene.people.owner.token);
  if (started.status !== 201) throw new Error(`upload fixture: ${started.status} ${started.text}`);
  return started.body.uploadId as string;
}

/** An image capture (a draft waiting for its image) in the scene's workspace. */
async function imageCapture(scene: Scene): Promise<string> {
  const captured = await app.request('POST', `/api/v1/workspaces/${scene.workspaceId}/captures`, {
    token: scene.people.owner.token,
    body: { clientId: randomUUID(), kind: 'image', url: 'https://example.com/gallery', imageUrl: 'http://127.0.0.1:9/private.png' },
  });
  if (captured.status !== 201) throw new Error(`capture fixture: ${captured.status} ${captured.text}`);
  return captured.body.post.id as string;
}

async function post(scene: Scene, status: 'draft' | 'archived' = 'draft'): Promise<string> {
  const [row] = await app.db
    .knex('posts')
    .insert({
      workspaceId: scene.workspaceId,
      createdBy: scene.people.owner.user.id,
      title: 'Secret plan',
      body: 'Only for this workspace',
      status,
      archivedAt: status === 'archived' ? new Date() : null,
    })
    .returning('id');
  return row.id as string;
}

/** The weakest role the product allows for an endpoint, and valid input for it. */
interface Fixture {
  role: Role;
  /** `caller`: who will send the call (some resources are the caller's own, like an import); default the owner. */
  call: (scene: Scene, caller?: TestUser) => Promise<Call>;
}

/**
 * Per member endpoint: the role the product defines for it (owner: everything incl. deleting the
 * workspace; admin: members, accounts, settings, the audit log; editor: create, schedule, publish;
 * viewer: read, and leave) and valid input made in the given workspace, such that every role allowed
 * to call it succeeds. TypeScript reports a missing entry; so does the first test.
 */
const fixtures: Record<MemberEndpoint, Fixture> = {
  getWorkspace: { role: 'viewer', call: async () => ({}) },
  renameWorkspace: { role: 'admin', call: async () => ({ body: { name: `Renamed ${randomUUID().slice(0, 6)}` } }) },
  deleteWorkspace: { role: 'owner', call: async (scene) => ({ body: { name: scene.name } }) },
  transferOwnership: { role: 'owner', call: async (scene) => ({ body: { userId: scene.people.admin.user.id } }) },
  listAuditEvents: { role: 'admin', call: async () => ({ query: { limit: '5' } }) },
  listMembers: { role: 'viewer', call: async () => ({}) },
  changeMemberRole: { role: 'admin', call: async (scene) => ({ params: { userId: await extraMember(scene, 'viewer') }, body: { role: 'editor' } }) },
  removeMember: { role: 'admin', call: async (scene) => ({ params: { userId: await extraMember(scene, 'viewer') } }) },
  // A second owner, so the owner's own call may leave too.
  leaveWorkspace: { role: 'viewer', call: async (scene) => (await extraMember(scene, 'owner'), {}) },
  createInvitation: { role: 'admin', call: async () => ({ body: { email: freshEmail(), role: 'viewer' } }) },
  listInvitations: { role: 'admin', call: async () => ({}) },
  revokeInvitation: { role: 'admin', call: async (scene) => ({ params: { invitationId: await invitation(scene) } }) },
  createCapture: { role: 'editor', call: async () => ({ body: { clientId: randomUUID(), kind: 'page', url: 'https://example.com/article' } }) },
  listPosts: { role: 'viewer', call: async () => ({}) },
  getPost: { role: 'viewer', call: async (scene) => ({ params: { postId: await post(scene) } }) },
  updatePost: { role: 'editor', call: async (scene) => ({ params: { postId: await post(scene) }, body: { title: 'Edited' } }) },
  archivePost: { role: 'editor', call: async (scene) => ({ params: { postId: await post(scene) } }) },
  unarchivePost: { role: 'editor', call: async (scene) => ({ params: { postId: await post(scene, 'archived') } }) },
  deletePost: { role: 'editor', call: async (scene) => ({ params: { postId: await post(scene) } }) },
  // Media: made through the API itself, so these do not depend on how the library stores things.
  uploadMedia: { role: 'editor', call: async () => ({ upload: pngUpload() }) },
  listMedia: { role: 'viewer', call: async () => ({}) },
  getMedia: { role: 'viewer', call: async (scene) => ({ params: { mediaId: await media(scene) } }) },
  deleteMedia: { role: 'editor', call: async (scene) => ({ params: { mediaId: await media(scene) } }) },
  createMediaUpload: { role: 'editor', call: async () => ({ body: { filename: 'pixel.png', sizeBytes: PNG.length } }) },
  // The first piece (200); the last one would answer 201 with the medium.
  sendMediaUploadChunk: {
    role: 'editor',
    call: async (scene) => ({ params: { uploadId: await mediaUpload(scene) }, query: { offset: '0' }, upload: { bytes: FIRST_PIECE, headers: { 'content-type': 'application/octet-stream' } } }),
  },
  getMediaUpload: { role: 'editor', call: async (scene) => ({ params: { uploadId: await mediaUpload(scene) } }) },
  cancelMediaUpload: { role: 'editor', call: async (scene) => ({ params: { uploadId: await mediaUpload(scene) } }) },
  supplyCaptureMedia: { role: 'editor', call: async (scene) => ({ params: { postId: await imageCapture(scene) }, upload: pngUpload() }) },
  listNetworks: { role: 'viewer', call: async () => ({}) },
  listAccounts: { role: 'viewer', call: async () => ({}) },
  startConnect: { role: 'admin', call: async () => ({ params: { platform: 'x' } }) },
  disconnectAccount: { role: 'admin', call: async (scene) => ({ params: { accountId: await connectedAccount(scene) } }) },
  listPinterestBoards: { role: 'editor', call: async (scene) => ({ params: { accountId: await connectThroughApp(app, scene.workspaceId, scene.people.owner.token, 'pinterest') } }) },
  listPostTargets: { role: 'viewer', call: async (scene) => ({ params: { postId: await post(scene) } }) },
  setPostTargets: { role: 'editor', call: async (scene) => ({ params: { postId: await post(scene) }, body: { targets: [{ accountId: await connectedAccount(scene) }] } }) },
  schedulePost: { role: 'editor', call: async (scene) => ({ params: { postId: (await postTarget(scene, 'draft')).postId }, body: { when: 'now' } }) },
  reschedulePost: { role: 'editor', call: async (scene) => ({ params: { postId: (await postTarget(scene, 'scheduled')).postId }, body: { when: 'now' } }) },
  unschedulePost: { role: 'editor', call: async (scene) => ({ params: { postId: (await postTarget(scene, 'scheduled')).postId } }) },
  cancelTarget: { role: 'editor', call: async (scene) => ({ params: await postTarget(scene, 'scheduled') }) },
  retryTarget: { role: 'editor', call: async (scene) => ({ params: await postTarget(scene, 'failed'), body: {} }) },
  getWorkspaceSchedule: { role: 'viewer', call: async () => ({}) },
  updateWorkspaceSchedule: { role: 'admin', call: async () => ({ body: { timeZone: 'Europe/Berlin' } }) },
  nextQueueSlot: { role: 'viewer', call: async () => ({}) },
  // Imports go through the caller's own Canva and Drive connections (every person here has both).
  startImport: { role: 'editor', call: async () => ({ body: { clientId: randomUUID(), source: { provider: 'canva', designId: 'DAFmatrix01', format: 'png' } } }) },
  listImports: { role: 'editor', call: async () => ({ query: { active: 'true' } }) },
  getImport: { role: 'editor', call: async (scene, caller) => ({ params: { importId: await importOf(scene, caller ?? scene.people.owner) } }) },
  previewCanvaDesign: { role: 'editor', call: async () => ({ params: { designId: sharedDesign } }) },
  previewDriveFile: { role: 'editor', call: async () => ({ params: { fileId: sharedFile } }) },
  // dashboard
  getCalendar: { role: 'viewer', call: async () => ({ query: { from: '2026-03-01', to: '2026-03-31' } }) },
  // Billing: against the Stripe sandbox; only owners subscribe or open the portal.
  getBilling: { role: 'viewer', call: async () => ({}) },
  startCheckout: { role: 'owner', call: async () => ({ body: { plan: 'pro' } }) },
  openBillingPortal: { role: 'owner', call: async () => ({}) },
};

/** An import of the scene's workspace by `person` (their own: nobody else sees it). */
async function importOf(scene: Scene, person: TestUser): Promise<string> {
  const [row] = await app.db
    .knex('imports')
    .insert({ workspaceId: scene.workspaceId, userId: person.user.id, clientId: randomUUID(), provider: 'canva', sourceId: 'DAFmatrix01', format: 'png' })
    .returning('id');
  return row.id as string;
}

/** A post of the scene's workspace going to a fresh X account, its target in `status`. */
async function postTarget(scene: Scene, status: 'draft' | 'scheduled' | 'failed'): Promise<{ postId: string; targetId: string }> {
  const postId = await post(scene);
  const due = status === 'draft' ? {} : { dueAt: new Date(Date.now() + 3_600_000), runAt: new Date(Date.now() + 3_600_000) };
  const [row] = await app.db
    .knex('postTargets')
    .insert({ workspaceId: scene.workspaceId, postId, accountId: await connectedAccount(scene), platform: 'x', status, ...due, ...(status === 'failed' ? { failureKind: 'transient' } : {}) })
    .returning('id');
  return { postId, targetId: row.id as string };
}

/** A connected account of the scene's workspace, without tokens (nothing to revoke). */
async function connectedAccount(scene: Scene): Promise<string> {
  const [row] = await app.db
    .knex('connected_accounts')
    .insert({ workspaceId: scene.workspaceId, platform: 'x', kind: 'profile', remoteId: randomUUID(), name: 'Sandbox Studio' })
    .returning('id');
  return row.id as string;
}

async function newScene(): Promise<Scene> {
  const name = `Matrix ${randomUUID().slice(0, 8)}`;
  const [workspace] = await app.db.knex('workspaces').insert({ name }).returning('id');
  await app.db.knex('memberships').insert(ROLES.map((role) => ({ workspaceId: workspace.id, userId: people[role].user.id, role })));
  return { workspaceId: workspace.id as string, name, people };
}

/** Calls `endpoint` of `workspaceId` with `call`'s input, as `token` (none: no session). */
async function send(endpoint: Endpoint, workspaceId: string, call: Call, token?: string): Promise<TestResponse> {
  if (!call.upload) return app.request(endpoint.method, url(endpoint, workspaceId, call), { token, body: call.body });
  const response = await fetch(app.url + url(endpoint, workspaceId, call), {
    method: endpoint.method,
    headers: { ...call.upload.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: call.upload.bytes,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text };
}

function url(endpoint: Endpoint, workspaceId: string, call: Call): string {
  const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => (name === 'workspaceId' ? workspaceId : (call.params?.[name] ?? randomUUID())));
  const query = call.query ? `?${new URLSearchParams(call.query).toString()}` : '';
  return path + query;
}

/** What a workspace looks like from the database: if a refused call changed anything, this differs. */
async function snapshot(workspaceId: string) {
  const knex = app.db.knex;
  return {
    workspace: await knex('workspaces').where('id', workspaceId).first('name'),
    members: await knex('memberships').where({ workspaceId }).orderBy('userId').select('userId', 'role'),
    posts: await knex('posts').where({ workspaceId }).orderBy('id').select('id', 'title', 'status'),
    invitations: await knex('invitations').where({ workspaceId }).orderBy('id').select('id', 'revokedAt'),
    audit: await knex('auditEvents').where({ workspaceId }).count({ n: '*' }),
  };
}

// listPinterestBoards reads a real account's boards: a Pinterest simulator the app connects to.
let pinterest: Standalone;

// The import endpoints read through each person's own connections: Canva and Drive simulators, every
// person connected to both, one design and one file everyone may open.
let canva: StandaloneCanva;
let drive: StandaloneDrive;
let sharedDesign: string;
let sharedFile: string;
// The billing endpoints call Stripe: a local Stripe server.
let stripe: StripeSandbox;

beforeAll(async () => {
  stripe = await startBillingSandbox();
  pinterest = await startStandalone((url) => createPinterestSimulator({ baseUrl: url, basePath: '', clients: [{ clientId: 'pin-app', clientSecret: 'pin-secret' }] }).router);
  ({ canva, drive } = await startIntegrationSimulators());
  app = await createTestApp({
    config: {
      platforms: { ...platformConfigFrom({}), pinterest: { clientId: 'pin-app', clientSecret: 'pin-secret', endpoints: sandboxEndpoints(pinterest.url, 'pinterest') } },
      ...integrationTestConfig(canva, drive),
      billing: billingTestConfig(stripe),
    },
  });
  people = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await makeUser(app, { firstName: role })]))) as Record<Role, TestUser>;
  outsider = await makeUser(app, { firstName: 'Outsider' });
  const connector = integrationConnector(app);
  for (const role of ROLES) {
    await connector.connectCanva(people[role], `matrix_${role}`);
    await connector.connectDrive(people[role], `matrix.${role}@example.com`, 'readonly');
  }
  sharedDesign = canva.sim.world.addDesign('matrix_owner', { title: 'Shared', sharedWith: ROLES.map((role) => `matrix_${role}`) }).id;
  sharedFile = drive.sim.world.addFile('matrix.owner@example.com', { name: 'shared.png', mimeType: 'image/png', content: { kind: 'bytes', bytes: PNG }, sharedWith: ROLES.map((role) => `matrix.${role}@example.com`) }).id;
});
afterAll(async () => {
  await app.close();
  await pinterest.close();
  await canva?.close();
  await drive?.close();
  await stripe?.close();
});

describe('the role × endpoint matrix (P24, P14)', () => {
  it('has a fixture for every member endpoint, and nothing else', () => {
    expect(Object.keys(fixtures).sort()).toEqual([...memberEndpoints].sort());
  });

  it('P24: the endpoint table gives each member endpoint the role the product defines for it', () => {
    const table = Object.fromEntries(memberEndpoints.map((name) => [name, endpoints[name].role ?? 'owner']));
    expect(table).toEqual(Object.fromEntries(memberEndpoints.map((name) => [name, fixtures[name].role])));
  });

  it('P24: for every member endpoint and role, allowed roles succeed and weaker ones get 403 forbidden, changing nothing', async () => {
    const outcomes: string[] = [];
    for (const name of memberEndpoints) {
      const endpoint = endpoints[name];
      for (const role of ROLES) {
        const scene = await newScene();
        const call = await fixtures[name].call(scene, people[role]);
        const before = await snapshot(scene.workspaceId);
        const response = await send(endpoint, scene.workspaceId, call, people[role].token);
        const allowed = roleAllows(role, endpoint.role ?? 'owner');
        const expected = allowed ? (endpoint.response ? (endpoint.status ?? 200) : 204) : 403;
        outcomes.push(`${name} as ${role}: ${response.status}${response.status === expected ? '' : ` (expected ${expected}: ${response.text.slice(0, 160)})`}`);
        if (!allowed) {
          expect(response.body.error).toEqual({ code: 'forbidden', message: expect.stringContaining(`(${role})`) });
          expect(await snapshot(scene.workspaceId)).toEqual(before);
        }
      }
    }
    // One list for all, so a failure shows every wrong cell at once.
    expect(outcomes.filter((line) => line.includes('expected'))).toEqual([]);
  });

  it('P14: a member of another workspace gets the same 404 as for a workspace that does not exist, on every member endpoint', async () => {
    for (const name of memberEndpoints) {
      const endpoint = endpoints[name];
      const scene = await newScene();
      const call = await fixtures[name].call(scene);
      const before = await snapshot(scene.workspaceId);
      const intoOther = await send(endpoint, scene.workspaceId, call, outsider.token);
      const nowhere = await send(endpoint, randomUUID(), call, outsider.token);
      expect({ name, status: intoOther.status, body: intoOther.body }).toEqual({ name, status: 404, body: nowhere.body });
      expect(intoOther.body.error.code).toBe('not_found');
      expect(await snapshot(scene.workspaceId)).toEqual(before);
    }
  });

  it("P14: ids of another workspace's members, invitations and posts are 404 through a workspace one owns", async () => {
    // Ids of resources (not :platform, which names a network, nor a Canva design or Drive file, which are
    // the caller's at the vendor — not something a workspace owns).
    const withIds = memberEndpoints.filter((name) => /:(?!workspaceId|platform\b|designId\b|fileId\b)\w+/.test(endpoints[name].path));
    expect(withIds.length).toBeGreaterThan(0);
    for (const name of withIds) {
      const endpoint = endpoints[name];
      const [mine, theirs] = [await newScene(), await newScene()];
      const call = await fixtures[name].call(theirs);
      const before = await snapshot(theirs.workspaceId);
      const response = await send(endpoint, mine.workspaceId, call, people.owner.token);
      expect({ name, status: response.status, code: response.body.error?.code }).toEqual({ name, status: 404, code: 'not_found' });
      expect(await snapshot(theirs.workspaceId)).toEqual(before);
    }
  });

  it('every endpoint that needs a session answers 401 without one', async () => {
    const scene = await newScene();
    for (const name of signedInEndpoints) {
      const endpoint = endpoints[name];
      const response = await send(endpoint, scene.workspaceId, endpoint.upload ? { upload: pngUpload() } : { body: endpoint.body ? {} : undefined });
      expect({ name, status: response.status, code: response.body.error?.code }).toEqual({ name, status: 401, code: 'unauthenticated' });
    }
  });

  it('a malformed workspace id is 404 like any unknown one (after the session check)', async () => {
    const response = await app.request('GET', '/api/v1/workspaces/not-a-uuid/posts', { token: outsider.token });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
    expect((await app.request('GET', '/api/v1/workspaces/not-a-uuid/posts')).status).toBe(401);
  });
});
