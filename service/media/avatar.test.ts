import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { addMember } from '../testing/teams.js';
import { createTestApp, testConfig, type TestApp, type TestUser } from '../testing/test-app.js';
import { importAvatarFromUrl } from './avatar.js';
import { pdf, png } from './testing/fixtures.js';
import { upload } from './testing/upload.js';

let app: TestApp;
let ada: TestUser;
let bob: TestUser;
let stranger: TestUser;
let origin: Server;
let originUrl: string;
let picture: Buffer;

const keysOf = (userId: string) => app.db.knex('users').where({ id: userId }).first('avatarKey', 'avatarThumbnailKey', 'avatarSource');
const logs: string[] = [];
const deps = () => ({ knex: app.db.knex, storage: app.storage, config: app.config, logger: createLogger({ level: 'debug', write: (line) => logs.push(line) }) });

beforeAll(async () => {
  picture = await png(200, 100);
  origin = createServer((request, response) => {
    if (request.url === '/photo.png') return void response.writeHead(200, { 'Content-Type': 'image/png' }).end(picture);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  // The local origin stands in for Google's picture host: allowed explicitly, as only tests may.
  app = await createTestApp({ config: { media: { ...testConfig().media, fetchAllowedAddresses: ['127.0.0.1/32'] } } });
  [ada, bob, stranger] = await Promise.all([app.signUp(), app.signUp(), app.signUp()]);
  await addMember(app, ada.workspaceId, bob, 'viewer');
});
afterAll(async () => {
  await app?.close();
  origin?.closeAllConnections();
  await new Promise((resolve) => origin?.close(resolve));
});

describe('PUT /me/avatar (P1, P28)', () => {
  it('stores an uploaded image and shows a 256 px square of it to the person and to their workspace’s members (P14)', async () => {
    const response = await upload(app.url, '/api/v1/me/avatar', { token: ada.token, method: 'PUT', body: await png(400, 200) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: ada.user.id, avatarUrl: expect.stringContaining('/media/avatars/') });
    const square = await fetch(response.body.avatarUrl);
    expect(square.headers.get('content-type')).toBe('image/webp');
    expect(await sharp(Buffer.from(await square.arrayBuffer())).metadata()).toMatchObject({ width: 256, height: 256 });

    expect((await app.request('GET', '/api/v1/me', { token: ada.token })).body.avatarUrl).toMatch(/\/media\/avatars\//);
    const members = await app.request('GET', `/api/v1/workspaces/${ada.workspaceId}/members`, { token: bob.token });
    const byId = Object.fromEntries(members.body.items.map((member: { userId: string; avatarUrl: string | null }) => [member.userId, member.avatarUrl]));
    expect((await fetch(byId[ada.user.id])).status).toBe(200);
    expect(byId[bob.user.id]).toBeNull();
    // Someone outside the workspace gets no list, so no address either.
    expect((await app.request('GET', `/api/v1/workspaces/${ada.workspaceId}/members`, { token: stranger.token })).status).toBe(404);
  });

  it('replaces the previous avatar and removes its files', async () => {
    const before = await keysOf(ada.user.id);
    await upload(app.url, '/api/v1/me/avatar', { token: ada.token, method: 'PUT', body: await png(50, 50) });
    const after = await keysOf(ada.user.id);
    expect(after.avatarKey).not.toBe(before.avatarKey);
    expect(await app.storage.get(before.avatarKey)).toBeNull();
    expect(await app.storage.get(before.avatarThumbnailKey)).toBeNull();
  });

  it('accepts images only', async () => {
    const response = await upload(app.url, '/api/v1/me/avatar', { token: ada.token, method: 'PUT', body: pdf() });
    expect(response.status).toBe(415);
    expect(response.body.error.message).toBe('This file is PDF (application/pdf), which cannot be used here. Upload JPEG, PNG, GIF or WebP.');
  });

  it('DELETE removes it', async () => {
    const { avatarKey } = await keysOf(ada.user.id);
    const response = await app.request('DELETE', '/api/v1/me/avatar', { token: ada.token });
    expect(response.body.avatarUrl).toBeNull();
    expect(await app.storage.get(avatarKey)).toBeNull();
  });
});

describe('importAvatarFromUrl (Google sign-in, P1)', () => {
  it('fetches the picture into the person’s avatar', async () => {
    await importAvatarFromUrl(deps(), bob.user.id, `${originUrl}/photo.png`);
    expect(await keysOf(bob.user.id)).toMatchObject({ avatarSource: 'import' });
    const me = await app.request('GET', '/api/v1/me', { token: bob.token });
    expect(await sharp(Buffer.from(await (await fetch(me.body.avatarUrl)).arrayBuffer())).metadata()).toMatchObject({ width: 256, height: 256 });
  });

  it('never replaces an avatar the person uploaded', async () => {
    await upload(app.url, '/api/v1/me/avatar', { token: stranger.token, method: 'PUT', body: await png(30, 30) });
    const uploaded = await keysOf(stranger.user.id);
    await importAvatarFromUrl(deps(), stranger.user.id, `${originUrl}/photo.png`);
    expect(await keysOf(stranger.user.id)).toEqual(uploaded);
  });

  it('never throws: a missing picture or a private address is logged and changes nothing', async () => {
    const before = await keysOf(ada.user.id);
    await expect(importAvatarFromUrl(deps(), ada.user.id, `${originUrl}/gone.png`)).resolves.toBeUndefined();
    const strict = { ...deps(), config: { ...app.config, media: { ...app.config.media, fetchAllowedAddresses: [] } } };
    await expect(importAvatarFromUrl(strict, ada.user.id, 'http://169.254.169.254/latest/meta-data/')).resolves.toBeUndefined();
    await expect(importAvatarFromUrl(strict, ada.user.id, 'not a url')).resolves.toBeUndefined();
    expect(await keysOf(ada.user.id)).toEqual(before);
    expect(logs.filter((line) => line.includes('avatar not imported'))).toHaveLength(3);
  });
});
