import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Resolve } from '../lib/safe-fetch.js';
import { createLogger } from '../logger.js';
import { png } from '../media/testing/fixtures.js';
import { upload } from '../media/testing/upload.js';
import { createTestApp, testConfig, type TestApp, type TestUser } from '../testing/test-app.js';
import { fetchCaptureImages } from './fetch-capture-images.js';

/**
 * Image captures end to end: the capture route only writes rows; the job fetches each image from a local
 * origin (reached through a made-up public name and the test-only allowlist) into the library and puts it
 * first in the draft, or hands the job to the browser.
 */
let app: TestApp;
let owner: TestUser;
let origin: Server;
let port: number;
let image: Buffer;
const hits: string[] = [];
const dns: Record<string, string> = { 'images.example.test': '127.0.0.1', 'intranet.example.test': '10.0.0.8' };
const resolve: Resolve = async (hostname) => {
  if (!dns[hostname]) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return [{ address: dns[hostname], family: 4 }];
};

const run = () =>
  fetchCaptureImages({ knex: app.db.knex, storage: app.storage, config: app.config, logger: createLogger({ level: 'error' }), resolve });
const imageUrl = (path: string) => `http://images.example.test:${port}${path}`;
const postPath = (postId: string) => `/api/v1/workspaces/${owner.workspaceId}/posts/${postId}`;

async function captureImage(url: string) {
  const response = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/captures`, {
    token: owner.token,
    body: { clientId: randomUUID(), kind: 'image', url: 'https://example.com/gallery', imageUrl: url, imageAlt: 'A cat' },
  });
  expect(response.status).toBe(201);
  return response.body.post;
}

beforeAll(async () => {
  image = await png(64, 48);
  origin = createServer((request, response) => {
    hits.push(request.url ?? '');
    const path = new URL(request.url ?? '/', 'http://origin').pathname;
    if (path === '/cat.png') return void response.writeHead(200, { 'Content-Type': 'image/png' }).end(image);
    if (path === '/members-only.png') return void response.writeHead(403).end();
    if (path === '/flaky.png') return void response.writeHead(503).end();
    if (path === '/drawing.svg') return void response.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
    response.writeHead(404).end();
  });
  await new Promise<void>((done) => origin.listen(0, '127.0.0.1', done));
  port = (origin.address() as AddressInfo).port;
  app = await createTestApp({ config: { media: { ...testConfig().media, fetchAllowedAddresses: ['127.0.0.1/32'] } } });
  owner = await app.signUp();
});
afterAll(async () => {
  await app?.close();
  origin?.closeAllConnections();
  await new Promise((done) => origin?.close(done));
});
beforeEach(() => {
  hits.length = 0;
});

describe('fetching captured images into the library', () => {
  it('puts the fetched image first in the draft, with its address as source; the capture itself fetched nothing', async () => {
    const earlier = (await upload(app.url, `/api/v1/workspaces/${owner.workspaceId}/media`, { token: owner.token, body: await png(8, 8) })).body;
    const post = await captureImage(imageUrl('/cat.png'));
    expect(post.mediaFetch).toEqual({ state: 'pending', reason: null, message: null });
    expect(hits).toEqual([]);
    await app.request('PATCH', postPath(post.id), { token: owner.token, body: { mediaIds: [earlier.id] } });

    expect(await run()).toEqual({ done: 1, needsBrowser: 0, failed: 0, retried: 0 });
    const after = (await app.request('GET', postPath(post.id), { token: owner.token })).body;
    expect(after.mediaFetch).toEqual({ state: 'done', reason: null, message: null });
    expect(after.media.map((item: { id: string }) => item.id)[1]).toBe(earlier.id);
    expect(after.media[0]).toMatchObject({ kind: 'image', mimeType: 'image/png', width: 64, height: 48 });
    // Served from the library, never hot-linked.
    expect(after.media[0].url).toMatch(new RegExp(`^${app.url}/media/`));
    const fetched = await app.request('GET', `/api/v1/workspaces/${owner.workspaceId}/media/${after.media[0].id}`, { token: owner.token });
    expect(fetched.body).toMatchObject({ sourceUrl: imageUrl('/cat.png'), originalFilename: 'cat.png', uploadedBy: { id: owner.user.id } });
    expect(Buffer.from(await (await fetch(fetched.body.url)).arrayBuffer())).toEqual(image);
    expect(await run()).toEqual({ done: 0, needsBrowser: 0, failed: 0, retried: 0 });
  });

  it('hands the image to the browser when the origin wants the person’s sign-in, and takes the bytes it supplies', async () => {
    const post = await captureImage(imageUrl('/members-only.png'));
    expect((await run()).needsBrowser).toBe(1);
    const waiting = (await app.request('GET', postPath(post.id), { token: owner.token })).body;
    expect(waiting.mediaFetch).toEqual({ state: 'needs_browser', reason: 'origin_refused', message: 'The image’s site refused the service (it needs your sign-in). The browser supplies it.' });

    const supplied = await upload(app.url, `${postPath(post.id)}/capture-image`, { token: owner.token, body: await png(30, 20), filename: 'members-only.png' });
    expect(supplied.status).toBe(201);
    expect(supplied.body.mediaFetch.state).toBe('done');
    expect(supplied.body.media[0]).toMatchObject({ kind: 'image', width: 30, height: 20 });
    const again = await upload(app.url, `${postPath(post.id)}/capture-image`, { token: owner.token, body: await png() });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('capture_image_not_needed');
  });

  it('never fetches from a private address, answering at once for obvious ones and after DNS for the rest', async () => {
    for (const url of ['http://localhost:3000/a.png', 'http://wiki/a.png', 'http://printer.local/a.png', 'http://192.168.1.20/a.png', 'http://[fd00::1]/a.png']) {
      const post = await captureImage(url);
      expect(post.mediaFetch, url).toMatchObject({ state: 'needs_browser', reason: 'private_address' });
    }
    const post = await captureImage('http://intranet.example.test/chart.png');
    expect(post.mediaFetch.state).toBe('pending');
    expect((await run()).needsBrowser).toBe(1);
    expect((await app.request('GET', postPath(post.id), { token: owner.token })).body.mediaFetch).toMatchObject({ state: 'needs_browser', reason: 'private_address' });
    expect(hits).toEqual([]);
  });

  it('gives up for good on a missing image or one the library does not take', async () => {
    const gone = await captureImage(imageUrl('/gone.png'));
    const svg = await captureImage(imageUrl('/drawing.svg'));
    expect((await run()).failed).toBe(2);
    expect((await app.request('GET', postPath(gone.id), { token: owner.token })).body.mediaFetch).toMatchObject({ state: 'failed', reason: 'not_found' });
    expect((await app.request('GET', postPath(svg.id), { token: owner.token })).body.mediaFetch).toMatchObject({ state: 'failed', reason: 'type_not_allowed' });
  });

  it('retries a failing origin later, three times in all', async () => {
    const post = await captureImage(imageUrl('/flaky.png'));
    expect(await run()).toMatchObject({ retried: 1 });
    const row = await app.db.knex('captureImageFetches').where({ postId: post.id }).first();
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect((await run()).retried).toBe(0); // not due yet
    for (const expected of [{ retried: 1 }, { failed: 1 }]) {
      await app.db.knex('captureImageFetches').where({ postId: post.id }).update({ nextAttemptAt: new Date() });
      expect(await run()).toMatchObject(expected);
    }
    expect((await app.request('GET', postPath(post.id), { token: owner.token })).body.mediaFetch).toMatchObject({ state: 'failed', reason: 'unreachable' });
    expect(hits.filter((hit) => hit === '/flaky.png')).toHaveLength(3);
  });

  it('fetches each image once when several workers run at the same time (SKIP LOCKED)', async () => {
    const posts = await Promise.all(Array.from({ length: 8 }, (_, n) => captureImage(imageUrl(`/cat.png?n=${n}`))));
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.done + b.done).toBe(8);
    expect(hits.sort()).toEqual(Array.from({ length: 8 }, (_, n) => `/cat.png?n=${n}`).sort());
    for (const post of posts) {
      expect((await app.request('GET', postPath(post.id), { token: owner.token })).body.media).toHaveLength(1);
    }
  });

  it('refuses browser-supplied bytes for a draft that is not an image capture', async () => {
    const page = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/captures`, {
      token: owner.token,
      body: { clientId: randomUUID(), kind: 'page', url: 'https://example.com/' },
    });
    expect(page.body.post.mediaFetch).toBeNull();
    const response = await upload(app.url, `${postPath(page.body.post.id)}/capture-image`, { token: owner.token, body: await png() });
    expect(response.status).toBe(409);
  });
});
