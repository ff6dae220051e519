import { createHash, randomBytes } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../../media/testing/fixtures.js';
import { loadSpecChecker } from '../networks/kit/spec-check.js';
import { generatedRange } from './content.js';
import { DRIVE_PATHS, DRIVE_SCOPES, DRIVE_SPEC, GOOGLE_OAUTH2_SPEC } from './index.js';
import { startDriveSimulator, type StandaloneDrive } from './standalone.js';

const CLIENT = { clientId: 'drive-client.apps.googleusercontent.com', clientSecret: 'drive-secret', redirectUris: ['http://app.test/cb'] };
const MB = 1024 * 1024;
let drive: StandaloneDrive;

beforeAll(async () => {
  drive = await startDriveSimulator({ clients: [CLIENT], basePath: '/sandbox/google-drive', checkRequest: await loadSpecChecker(DRIVE_SPEC), checkOAuthRequest: await loadSpecChecker(GOOGLE_OAUTH2_SPEC) });
});
afterAll(() => drive.close());

interface Tokens {
  access_token: string;
  refresh_token?: string;
  scope: string;
  expires_in: number;
}

function authorizeUrl(params: Record<string, string>): string {
  const query = new URLSearchParams({ client_id: CLIENT.clientId, redirect_uri: CLIENT.redirectUris[0]!, response_type: 'code', scope: DRIVE_SCOPES.file, state: 'st', ...params });
  return `${drive.url}${DRIVE_PATHS.authorize}?${query}`;
}

const token = (fields: Record<string, string>) =>
  fetch(drive.url + DRIVE_PATHS.token, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, ...fields }) });

/** Connects `email` non-interactively (login_hint), with PKCE, offline access by default. */
async function connect(email: string, scope: string = DRIVE_SCOPES.file, extra: Record<string, string> = { access_type: 'offline', prompt: 'consent' }): Promise<Tokens> {
  const verifier = randomBytes(32).toString('base64url');
  const answer = await fetch(authorizeUrl({ scope, login_hint: email, code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256', ...extra }), { redirect: 'manual' });
  const back = new URL(answer.headers.get('location')!);
  expect(back.searchParams.get('state')).toBe('st');
  const exchanged = await token({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: CLIENT.redirectUris[0]!, code_verifier: verifier });
  expect(exchanged.status).toBe(200);
  return (await exchanged.json()) as Tokens;
}

const api = (path: string, accessToken: string, headers: Record<string, string> = {}) => fetch(`${drive.url}/drive/v3${path}`, { headers: { authorization: `Bearer ${accessToken}`, ...headers } });

describe('Drive simulator: Google OAuth', () => {
  it('shows a labelled consent page; Allow redirects with a code and the scope, Cancel with access_denied', async () => {
    const page = await fetch(authorizeUrl({ access_type: 'offline' }));
    const html = await page.text();
    expect(html).toContain('not Google');
    const hidden = Object.fromEntries([...html.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]));
    expect(hidden.access_type).toBe('offline');
    const post = (fields: Record<string, string>) =>
      fetch(`${drive.url}${DRIVE_PATHS.authorize}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...hidden, ...fields }) });
    const approved = new URL((await post({ email: 'Typed@Example.com', name: 'Typed Person', grant: DRIVE_SCOPES.file, decision: 'approve' })).headers.get('location')!);
    expect(approved.searchParams.get('scope')).toBe(DRIVE_SCOPES.file);
    const tokens = (await (await token({ grant_type: 'authorization_code', code: approved.searchParams.get('code')!, redirect_uri: CLIENT.redirectUris[0]! })).json()) as Tokens;
    expect(tokens.refresh_token).toBeTruthy();
    const about = (await (await api('/about?fields=user(displayName,emailAddress)', tokens.access_token)).json()) as unknown;
    expect(about).toEqual({ user: { displayName: 'Typed Person', emailAddress: 'typed@example.com' } });
    expect(new URL((await post({ decision: 'deny' })).headers.get('location')!).searchParams.get('error')).toBe('access_denied');
  });

  it('lets the person leave a scope unticked (granular consent); tokeninfo, checked by the OAuth2 spec, tells what was granted', async () => {
    const page = await (await fetch(authorizeUrl({ scope: `email ${DRIVE_SCOPES.file}` }))).text();
    const hidden = Object.fromEntries([...page.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]));
    const answer = await fetch(`${drive.url}${DRIVE_PATHS.authorize}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...hidden, email: 'granular@example.com', grant: 'email', decision: 'approve' }),
    });
    const back = new URL(answer.headers.get('location')!);
    expect(back.searchParams.get('scope')).toBe('email');
    const tokens = (await (await token({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: CLIENT.redirectUris[0]! })).json()) as Tokens;
    expect(tokens.scope).toBe('email');
    const info = await fetch(`${drive.url}${DRIVE_PATHS.tokeninfo}?access_token=${tokens.access_token}`, { method: 'POST' });
    expect(await info.json()).toMatchObject({ audience: CLIENT.clientId, scope: 'email', email: 'granular@example.com', verified_email: true, expires_in: expect.any(Number) });
    const denied = await api('/about?fields=user', tokens.access_token);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: { errors: [{ reason: 'insufficientPermissions' }] } });
    expect((await fetch(`${drive.url}${DRIVE_PATHS.tokeninfo}?access_token=nope`, { method: 'POST' })).status).toBe(400);
    expect((await fetch(`${drive.url}${DRIVE_PATHS.tokeninfo}?prettyPrint=sometimes`, { method: 'POST' })).status).toBe(400);
  });

  it('gives a refresh token only for access_type=offline; refresh keeps it (not rotated)', async () => {
    expect((await connect('online@example.com', DRIVE_SCOPES.file, {})).refresh_token).toBeUndefined();
    const tokens = await connect('offline@example.com');
    const refreshed = (await (await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token! })).json()) as Tokens;
    expect(refreshed.refresh_token).toBeUndefined();
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect((await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token! })).status).toBe(200);
  });

  it('refuses a wrong PKCE verifier, an unknown scope and an unregistered redirect URI', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const answer = await fetch(authorizeUrl({ login_hint: 'pkce@example.com', code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' }), { redirect: 'manual' });
    const code = new URL(answer.headers.get('location')!).searchParams.get('code')!;
    const wrong = await token({ grant_type: 'authorization_code', code, redirect_uri: CLIENT.redirectUris[0]!, code_verifier: 'x'.repeat(43) });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: 'invalid_grant', error_description: 'Bad Request' });
    const badScope = await fetch(authorizeUrl({ scope: 'https://www.googleapis.com/auth/everything', login_hint: 'a@example.com' }), { redirect: 'manual' });
    expect(new URL(badScope.headers.get('location')!).searchParams.get('error')).toBe('invalid_scope');
    expect((await fetch(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }), { redirect: 'manual' })).status).toBe(400);
  });

  it('revokes the whole grant from either token; a revoked token is refused again', async () => {
    const tokens = await connect('revoke@example.com');
    const revoke = (value: string) => fetch(drive.url + DRIVE_PATHS.revoke, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: value }) });
    expect((await revoke(tokens.access_token)).status).toBe(200);
    expect((await api('/about?fields=user', tokens.access_token)).status).toBe(401);
    const refresh = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token! });
    expect(await refresh.json()).toEqual({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    expect(drive.sim.world.revokedTokens).toEqual(expect.arrayContaining([tokens.access_token, tokens.refresh_token]));
    expect(await (await revoke(tokens.access_token)).json()).toEqual({ error: 'invalid_token', error_description: 'Token expired or revoked' });
  });
});

describe('Drive simulator: files', () => {
  it('answers about.get with the fields asked, and requires fields', async () => {
    const tokens = await connect('about@example.com');
    drive.sim.world.addFile('about@example.com', { name: 'a.png', mimeType: 'image/png', content: { kind: 'bytes', bytes: await png() } });
    const about = (await (await api('/about?fields=user(displayName,emailAddress,permissionId),storageQuota(limit,usage)', tokens.access_token)).json()) as { user: Record<string, string>; storageQuota: Record<string, string> };
    expect(about.user).toMatchObject({ displayName: 'about', emailAddress: 'about@example.com', permissionId: expect.stringMatching(/^\d{20}$/) });
    expect(Number(about.storageQuota.usage)).toBeGreaterThan(0);
    expect(Object.keys(about.storageQuota)).toEqual(['limit', 'usage']);
    const noFields = await api('/about', tokens.access_token);
    expect(noFields.status).toBe(400);
    expect(((await noFields.json()) as { error: { errors: Array<{ reason: string }> } }).error.errors[0]!.reason).toBe('required');
  });

  it('drive.file reaches only picked files (404 notFound otherwise); drive.readonly sees all of the person’s files', async () => {
    const owner = 'picker@example.com';
    const picked = drive.sim.world.addFile(owner, { name: 'picked.png', mimeType: 'image/png', content: { kind: 'bytes', bytes: await png() } });
    const unpicked = drive.sim.world.addFile(owner, { name: 'other.png', mimeType: 'image/png', content: { kind: 'bytes', bytes: await png() } });
    const strangers = drive.sim.world.addFile('stranger@example.com', { name: 'theirs.png', mimeType: 'image/png', content: { kind: 'bytes', bytes: await png() } });
    drive.sim.world.pick(owner, picked.id);
    const narrow = await connect(owner, DRIVE_SCOPES.file);
    const meta = await api(`/files/${picked.id}?fields=id,name,mimeType,size,md5Checksum,capabilities/canDownload&supportsAllDrives=true`, narrow.access_token);
    expect(await meta.json()).toEqual({ id: picked.id, name: 'picked.png', mimeType: 'image/png', size: String((await png()).length), md5Checksum: createHash('md5').update(await png()).digest('hex'), capabilities: { canDownload: true } });
    const hidden = await api(`/files/${unpicked.id}`, narrow.access_token);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ error: { code: 404, message: `File not found: ${unpicked.id}.`, errors: [{ reason: 'notFound', location: 'fileId', locationType: 'parameter' }] } });
    const wide = await connect(owner, DRIVE_SCOPES.readonly);
    expect(await (await api(`/files/${unpicked.id}`, wide.access_token)).json()).toEqual({ kind: 'drive#file', id: unpicked.id, name: 'other.png', mimeType: 'image/png' });
    expect((await api(`/files/${strangers.id}`, wide.access_token)).status).toBe(404);
    const media = await api(`/files/${picked.id}?alt=media`, narrow.access_token);
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await media.arrayBuffer()).equals(await png())).toBe(true);
  });

  it('thumbnailLink: only for a token that reads content, only where Drive has a thumbnail, and fetched only with a token that reaches the file', async () => {
    const owner = 'thumbs@example.com';
    const clip = drive.sim.world.addFile(owner, { name: 'clip.pdf', mimeType: 'application/pdf', content: { kind: 'bytes', bytes: Buffer.from('%PDF-1.4\n') } });
    const plain = drive.sim.world.addFile(owner, { name: 'notes.bin', mimeType: 'application/octet-stream', content: { kind: 'bytes', bytes: Buffer.from('x') }, hasThumbnail: false });
    drive.sim.world.pick(owner, clip.id);
    drive.sim.world.pick(owner, plain.id);
    const reader = await connect(owner, DRIVE_SCOPES.file);
    const meta = (await (await api(`/files/${clip.id}?fields=id,hasThumbnail,thumbnailLink`, reader.access_token)).json()) as { hasThumbnail: boolean; thumbnailLink: string };
    expect(meta).toEqual({ id: clip.id, hasThumbnail: true, thumbnailLink: `${drive.url}${DRIVE_PATHS.thumbnails}/${clip.id}=s220` });
    expect(await (await api(`/files/${plain.id}?fields=hasThumbnail,thumbnailLink`, reader.access_token)).json()).toEqual({ hasThumbnail: false });
    // Metadata-only access sees that a thumbnail exists, but gets no link to it.
    const metadataOnly = await connect(owner, DRIVE_SCOPES.metadataReadonly);
    expect(await (await api(`/files/${clip.id}?fields=hasThumbnail,thumbnailLink`, metadataOnly.access_token)).json()).toEqual({ hasThumbnail: true });
    // The link is credentialed: the reader's token fetches a PNG; no token, or a stranger's, is 403.
    const thumbnail = await fetch(meta.thumbnailLink, { headers: { authorization: `Bearer ${reader.access_token}` } });
    expect(thumbnail.status).toBe(200);
    expect((await fileTypeFromBuffer(Buffer.from(await thumbnail.arrayBuffer())))?.mime).toBe('image/png');
    expect((await fetch(meta.thumbnailLink)).status).toBe(403);
    const stranger = await connect('thumb.stranger@example.com', DRIVE_SCOPES.readonly);
    expect((await fetch(meta.thumbnailLink, { headers: { authorization: `Bearer ${stranger.access_token}` } })).status).toBe(403);
    expect(drive.sim.specViolations).toEqual([]);
  });

  it('lists what the token reaches, filtered by q and paged', async () => {
    const owner = 'lister@example.com';
    const ids = [];
    for (const name of ['one.png', 'two.png', 'three.pdf']) {
      const file = drive.sim.world.addFile(owner, { name, mimeType: name.endsWith('.png') ? 'image/png' : 'application/pdf', content: { kind: 'bytes', bytes: Buffer.from(name) } });
      ids.push(file.id);
    }
    drive.sim.world.pick(owner, ids[0]!);
    const narrow = await connect(owner, DRIVE_SCOPES.file);
    const picked = (await (await api('/files', narrow.access_token)).json()) as { files: Array<{ id: string }> };
    expect(picked.files.map((file) => file.id)).toEqual([ids[0]]);
    const wide = await connect(owner, DRIVE_SCOPES.readonly);
    const query = new URLSearchParams({ q: "mimeType contains 'image/' and trashed = false and 'me' in owners", pageSize: '1', fields: 'nextPageToken,files(id,name)' });
    const first = (await (await api(`/files?${query}`, wide.access_token)).json()) as { files: Array<{ name: string }>; nextPageToken: string };
    expect(first.files).toHaveLength(1);
    query.set('pageToken', first.nextPageToken);
    const second = (await (await api(`/files?${query}`, wide.access_token)).json()) as { files: Array<{ name: string }>; nextPageToken?: string };
    expect([...first.files, ...second.files].map((file) => file.name).sort()).toEqual(['one.png', 'two.png']);
    expect(second.nextPageToken).toBeUndefined();
    const badQuery = await api(`/files?q=${encodeURIComponent('fullText contains "x"')}`, wide.access_token);
    expect(badQuery.status).toBe(400);
  });

  it('streams a 200 MB file by ranges without holding it, matching its md5 and a locally generated copy', async () => {
    const email = 'large@example.com';
    const size = 200 * MB;
    const file = drive.sim.world.addLargeFile(email, size);
    drive.sim.world.pick(email, file.id);
    const tokens = await connect(email);
    const meta = (await (await api(`/files/${file.id}?fields=size,md5Checksum`, tokens.access_token)).json()) as { size: string; md5Checksum: string };
    expect(meta.size).toBe(String(size));
    const whole = createHash('md5');
    const chunk = 64 * MB;
    for (let start = 0; start < size; start += chunk) {
      const end = Math.min(start + chunk, size) - 1;
      const answer = await api(`/files/${file.id}?alt=media`, tokens.access_token, { range: `bytes=${start}-${end}` });
      expect(answer.status).toBe(206);
      expect(answer.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
      let received = 0;
      // Hashed as it arrives: never buffered whole.
      for await (const piece of answer.body!) {
        whole.update(piece);
        received += piece.length;
      }
      expect(received).toBe(end - start + 1);
    }
    expect(whole.digest('hex')).toBe(meta.md5Checksum);

    const tail = await api(`/files/${file.id}?alt=media`, tokens.access_token, { range: 'bytes=-1000' });
    const expected = createHash('sha256');
    if (file.content.kind !== 'generated') throw new Error('not generated');
    for await (const piece of generatedRange(file.content.seed, size - 1000, size - 1)) expected.update(piece as Buffer);
    expect(createHash('sha256').update(Buffer.from(await tail.arrayBuffer())).digest('hex')).toBe(expected.digest('hex'));
    expect((await api(`/files/${file.id}?alt=media`, tokens.access_token, { range: `bytes=${size}-` })).status).toBe(416);
  }, 60_000);

  it('exports Workspace files as real bytes; refuses download, conversion and size as Drive does', async () => {
    const email = 'docs@example.com';
    const deck = drive.sim.world.addWorkspaceFile(email, 'presentation', 'Launch deck');
    const huge = drive.sim.world.addWorkspaceFile(email, 'document', 'Huge doc');
    huge.exportTooLarge = true;
    const locked = drive.sim.world.addFile(email, { name: 'locked.pdf', mimeType: 'application/pdf', content: { kind: 'bytes', bytes: Buffer.from('%PDF-1.4') }, canDownload: false });
    const tokens = await connect(email, DRIVE_SCOPES.readonly);
    for (const [mimeType, detected] of [
      ['application/pdf', 'application/pdf'],
      ['image/png', 'image/png'],
      ['image/jpeg', 'image/jpeg'],
    ] as const) {
      const answer = await api(`/files/${deck.id}/export?mimeType=${encodeURIComponent(mimeType)}`, tokens.access_token);
      expect(answer.status).toBe(200);
      expect((await fileTypeFromBuffer(Buffer.from(await answer.arrayBuffer())))?.mime).toBe(detected);
    }
    const reason = async (response: Response) => ((await response.json()) as { error: { errors: Array<{ reason: string }> } }).error.errors[0]!.reason;
    const download = await api(`/files/${deck.id}?alt=media`, tokens.access_token);
    expect([download.status, await reason(download)]).toEqual([403, 'fileNotDownloadable']);
    const tooLarge = await api(`/files/${huge.id}/export?mimeType=application/pdf`, tokens.access_token);
    expect([tooLarge.status, await reason(tooLarge)]).toEqual([403, 'exportSizeLimitExceeded']);
    const unsupported = await api(`/files/${deck.id}/export?mimeType=text/csv`, tokens.access_token);
    expect([unsupported.status, await reason(unsupported)]).toEqual([400, 'badRequest']);
    const notDocs = await api(`/files/${locked.id}/export?mimeType=application/pdf`, tokens.access_token);
    expect([notDocs.status, await reason(notDocs)]).toEqual([403, 'fileNotExportable']);
    const restricted = await api(`/files/${locked.id}?alt=media`, tokens.access_token);
    expect([restricted.status, await reason(restricted)]).toEqual([403, 'cannotDownloadFile']);
  });

  it('refuses with 400 what the Drive spec refuses, and records it; 401 for a bad token; faults through the kit', async () => {
    const tokens = await connect('strict@example.com');
    // Every request of the tests before this one passed the spec.
    const violationsBefore = drive.sim.specViolations.length;
    expect(violationsBefore).toBe(0);
    const missing = await api('/files/abc/export', tokens.access_token);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { errors: Array<{ reason: string }> } }).error.errors[0]!.reason).toBe('invalidParameter');
    expect((await api('/files/abc?supportsAllDrives=maybe', tokens.access_token)).status).toBe(400);
    expect((await api('/files/abc?alt=xml', tokens.access_token)).status).toBe(400);
    expect(drive.sim.specViolations.slice(violationsBefore)).toHaveLength(3);
    expect(drive.sim.specViolations[violationsBefore]).toContain('GET /files/abc/export');

    const bad = await api('/about?fields=user', 'nope');
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toContain('invalid_token');
    expect(await bad.json()).toMatchObject({ error: { code: 401, errors: [{ reason: 'authError', location: 'Authorization' }], status: 'UNAUTHENTICATED' } });
    drive.sim.store.expireAccessTokens();
    expect((await api('/about?fields=user', tokens.access_token)).status).toBe(401);

    const fresh = await connect('strict@example.com');
    drive.sim.faults.next(/\/drive\/v3\/about$/, { kind: 'status', status: 429, headers: { 'retry-after': '3' } });
    const limited = await api('/about?fields=user', fresh.access_token);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    drive.sim.faults.next(/\/drive\/v3\/about$/, { kind: 'status', status: 503 });
    expect((await api('/about?fields=user', fresh.access_token)).status).toBe(503);
    expect(drive.sim.world.calls('GET', /^\/about$/)).toBeGreaterThan(2);
  });
});
