import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../media/testing/fixtures.js';
import { upload } from '../media/testing/upload.js';
import { signMediaPath } from '../storage/signing.js';
import { addMember } from '../testing/teams.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

let app: TestApp;
let owner: TestUser;
let editor: TestUser;
let viewer: TestUser;
let stranger: TestUser;
let bytes: Buffer;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let media: any;

const path = (workspaceId: string, suffix = '') => `/api/v1/workspaces/${workspaceId}/media${suffix}`;

beforeAll(async () => {
  app = await createTestApp();
  [owner, editor, viewer, stranger] = await Promise.all([app.signUp(), app.signUp(), app.signUp(), app.signUp()]);
  await addMember(app, owner.workspaceId, editor, 'editor');
  await addMember(app, owner.workspaceId, viewer, 'viewer');
  bytes = await png(300, 200);
  media = (await upload(app.url, path(owner.workspaceId), { token: editor.token, body: bytes, filename: 'café.png' })).body;
});
afterAll(() => app?.close());

describe('signed media addresses (P14)', () => {
  it('serve the file to whoever holds a fresh one, with its type from the row and safe headers', async () => {
    const response = await fetch(media.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="caf_.png"; filename*=UTF-8''caf%C3%A9.png`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('serve byte ranges (videos seek this way)', async () => {
    const response = await fetch(media.url, { headers: { Range: 'bytes=4-11' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 4-11/${bytes.length}`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes.subarray(4, 12));
    const beyond = await fetch(media.url, { headers: { Range: `bytes=${bytes.length + 10}-` } });
    expect(beyond.status).toBe(416);
  });

  it('refuse a tampered signature, a signature moved to another file, and a changed expiry', async () => {
    const url = new URL(media.url);
    const sig = url.searchParams.get('sig')!;
    const tampered = new URL(url);
    tampered.searchParams.set('sig', `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`);
    const refused = await fetch(tampered);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('media_link_invalid');
    const moved = new URL(media.thumbnailUrl);
    moved.searchParams.set('sig', sig);
    expect((await fetch(moved)).status).toBe(403);
    const longer = new URL(url);
    longer.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    expect((await fetch(longer)).status).toBe(403);
    const unsigned = new URL(url);
    unsigned.search = '';
    expect((await fetch(unsigned)).status).toBe(403);
  });

  it('stop working once expired, with a sentence saying so', async () => {
    const url = new URL(media.url);
    const key = url.pathname.replace(/^\/media\//, '');
    const past = Math.floor(Date.now() / 1000) - 1;
    url.searchParams.set('expires', String(past));
    url.searchParams.set('sig', signMediaPath(app.config.appSecret, key, past));
    const response = await fetch(url);
    expect(response.status).toBe(410);
    expect(await response.json()).toEqual({ error: { code: 'media_link_expired', message: 'This file link has expired. Reload the page to get a new one.' } });
  });

  it('are given to members only: another workspace can neither list, read nor delete the file', async () => {
    const mine = await app.request('GET', path(owner.workspaceId), { token: viewer.token });
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(media.id);
    expect((await app.request('GET', path(owner.workspaceId), { token: stranger.token })).status).toBe(404);
    expect((await app.request('GET', path(owner.workspaceId, `/${media.id}`), { token: stranger.token })).status).toBe(404);
    // Asking in their own workspace for our file is the same "not found".
    expect((await app.request('GET', path(stranger.workspaceId, `/${media.id}`), { token: stranger.token })).status).toBe(404);
    expect((await app.request('DELETE', path(stranger.workspaceId, `/${media.id}`), { token: stranger.token })).status).toBe(404);
    expect((await app.request('GET', path(stranger.workspaceId), { token: stranger.token })).body.items).toEqual([]);
  });

  it('get a fresh signature on every read of the medium', async () => {
    const again = await app.request('GET', path(owner.workspaceId, `/${media.id}`), { token: viewer.token });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: media.id, width: 300, height: 200, originalFilename: 'café.png' });
    expect(new Date(again.body.urlExpiresAt).getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect((await fetch(again.body.url)).status).toBe(200);
  });
});

describe('DELETE /workspaces/:id/media/:mediaId', () => {
  it('is refused to viewers, and removes the row and the files for editors', async () => {
    const file = (await upload(app.url, path(owner.workspaceId), { token: editor.token, body: await png(10, 10) })).body;
    expect((await app.request('DELETE', path(owner.workspaceId, `/${file.id}`), { token: viewer.token })).status).toBe(403);
    expect((await app.request('DELETE', path(owner.workspaceId, `/${file.id}`), { token: editor.token })).status).toBe(204);
    expect((await app.request('GET', path(owner.workspaceId, `/${file.id}`), { token: editor.token })).status).toBe(404);
    // The address signed before the delete no longer serves anything.
    expect((await fetch(file.url)).status).toBe(404);
    expect(await app.storage.get(new URL(file.url).pathname.replace(/^\/media\//, ''))).toBeNull();
  });
});
