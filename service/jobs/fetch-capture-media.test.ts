import { PLANS } from '#shared/billing/plans.js';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Resolve } from '../lib/safe-fetch.js';
import { createLogger } from '../logger.js';
import { isoVideoFile, png } from '../media/testing/fixtures.js';
import { upload } from '../media/testing/upload.js';
import { createTestApp, testConfig, type TestApp, type TestUser } from '../testing/test-app.js';
import { fetchCaptureMedia } from './fetch-capture-media.js';

/**
 * Image and video captures end to end: the capture route only writes rows; the job fetches each image or
 * video from a local origin (reached through a made-up public name and the test-only allowlist) into the
 * library and puts it first in the draft, or hands the job to the browser.
 */
let app: TestApp;
let owner: TestUser;
let origin: Server;
let port: number;
let image: Buffer;
/** A real (small) MP4: 12.5 s of 640 × 360, under the test's video limit; `bigVideo` is over it. */
const video = isoVideoFile({ durationSeconds: 12.5, width: 640, height: 360, mdatBytes: 20_000 });
const bigVideo = isoVideoFile({ durationSeconds: 60, mdatBytes: 300_000 });
const VIDEO_LIMIT = 200_000;
const hits: string[] = [];
const dns: Record<string, string> = { 'images.example.test': '127.0.0.1', 'intranet.example.test': '10.0.0.8' };
const resolve: Resolve = async (hostname) => {
  if (!dns[hostname]) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return [{ address: dns[hostname], family: 4 }];
};

const run = () =>
  fetchCaptureMedia({ knex: app.db.knex, storage: app.storage, config: app.config, logger: createLogger({ level: 'error' }), resolve });
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

async function captureVideo(url: string) {
  const response = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/captures`, {
    token: owner.token,
    body: { clientId: randomUUID(), kind: 'video', url: 'https://example.com/watch', title: 'Harbour news', videoUrl: url, videoTitle: 'Harbour timelapse' },
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
    if (path === '/harbour.mp4') return void response.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': video.length }).end(video);
    // No Content-Length: the limit is found while streaming.
    if (path === '/long.mp4') return void response.writeHead(200, { 'Content-Type': 'video/mp4' }).end(bigVideo);
    if (path === '/not-a-video.mp4') return void response.writeHead(200, { 'Content-Type': 'video/mp4' }).end(image);
    if (path === '/members-only.mp4') return void response.writeHead(403).end();
    if (path === '/to-intranet.mp4') return void response.writeHead(302, { Location: 'http://intranet.example.test/clip.mp4' }).end();
    if (path === '/drawing.svg') return void response.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
    response.writeHead(404).end();
  });
  await new Promise<void>((done) => origin.listen(0, '127.0.0.1', done));
  port = (origin.address() as AddressInfo).port;
  const media = testConfig().media;
  app = await createTestApp({ config: { media: { ...media, maxBytes: { ...media.maxBytes, video: VIDEO_LIMIT }, fetchAllowedAddresses: ['127.0.0.1/32'] } } });
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

    const supplied = await upload(app.url, `${postPath(post.id)}/capture-media`, { token: owner.token, body: await png(30, 20), filename: 'members-only.png' });
    expect(supplied.status).toBe(201);
    expect(supplied.body.mediaFetch.state).toBe('done');
    expect(supplied.body.media[0]).toMatchObject({ kind: 'image', width: 30, height: 20 });
    const again = await upload(app.url, `${postPath(post.id)}/capture-media`, { token: owner.token, body: await png() });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('capture_media_not_needed');
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

  it('keeps the image out of the library when the plan has no storage left, saying why', async () => {
    // The library is full: one stored file takes the whole of the Free plan's storage.
    const [filler] = await app.db
      .knex('media')
      .insert({ workspaceId: owner.workspaceId, uploadedBy: owner.user.id, kind: 'document', mimeType: 'application/pdf', sizeBytes: PLANS.free.limits.mediaStorageBytes, storageKey: `media/${owner.workspaceId}/00000000-0000-4000-8000-00000000f222/original` })
      .returning('id');
    try {
      const post = await captureImage(imageUrl('/cat.png?full'));
      await run();
      const refused = (await app.request('GET', postPath(post.id), { token: owner.token })).body;
      expect(refused.mediaFetch).toMatchObject({ state: 'failed', reason: 'plan_limit', message: expect.stringContaining('no storage left') });
      expect(refused.media).toEqual([]);
      expect(await app.db.knex('media').where({ workspaceId: owner.workspaceId, sourceUrl: imageUrl('/cat.png?full') })).toEqual([]);
    } finally {
      await app.db.knex('media').where({ id: filler.id }).delete();
    }
  });

  it('retries a failing origin later, three times in all', async () => {
    const post = await captureImage(imageUrl('/flaky.png'));
    expect(await run()).toMatchObject({ retried: 1 });
    const row = await app.db.knex('captureMediaFetches').where({ postId: post.id }).first();
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect((await run()).retried).toBe(0); // not due yet
    for (const expected of [{ retried: 1 }, { failed: 1 }]) {
      await app.db.knex('captureMediaFetches').where({ postId: post.id }).update({ nextAttemptAt: new Date() });
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

  it('refuses browser-supplied bytes for a draft that is not an image or video capture', async () => {
    const page = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/captures`, {
      token: owner.token,
      body: { clientId: randomUUID(), kind: 'page', url: 'https://example.com/' },
    });
    expect(page.body.post.mediaFetch).toBeNull();
    const response = await upload(app.url, `${postPath(page.body.post.id)}/capture-media`, { token: owner.token, body: await png() });
    expect(response.status).toBe(409);
  });
});

describe('fetching captured videos into the library', () => {
  it('streams the video into the library with its duration and puts it first in the draft; the draft keeps the page and the video’s title', async () => {
    const post = await captureVideo(imageUrl('/harbour.mp4'));
    expect(post.mediaFetch).toEqual({ state: 'pending', reason: null, message: null });
    expect(post.source).toMatchObject({ kind: 'video', url: 'https://example.com/watch', videoUrl: imageUrl('/harbour.mp4'), videoTitle: 'Harbour timelapse' });
    expect(post.body).toBe('Harbour timelapse\nhttps://example.com/watch');

    expect(await run()).toEqual({ done: 1, needsBrowser: 0, failed: 0, retried: 0 });
    const after = (await app.request('GET', postPath(post.id), { token: owner.token })).body;
    expect(after.mediaFetch).toEqual({ state: 'done', reason: null, message: null });
    expect(after.media).toHaveLength(1);
    expect(after.media[0]).toMatchObject({ kind: 'video', mimeType: 'video/mp4', width: 640, height: 360, durationSeconds: 12.5 });
    const fetched = await app.request('GET', `/api/v1/workspaces/${owner.workspaceId}/media/${after.media[0].id}`, { token: owner.token });
    expect(fetched.body).toMatchObject({ sourceUrl: imageUrl('/harbour.mp4'), originalFilename: 'harbour.mp4', sizeBytes: video.length });
    expect(Buffer.from(await (await fetch(fetched.body.url)).arrayBuffer())).toEqual(video);
  });

  it('gives up on a video over the library’s video limit or a file that is not a video; the draft keeps its address and says why', async () => {
    const long = await captureVideo(imageUrl('/long.mp4'));
    const notVideo = await captureVideo(imageUrl('/not-a-video.mp4'));
    expect((await run()).failed).toBe(2);
    const tooLarge = (await app.request('GET', postPath(long.id), { token: owner.token })).body;
    expect(tooLarge.mediaFetch).toEqual({ state: 'failed', reason: 'too_large', message: 'The video is larger than the library accepts.' });
    expect(tooLarge.media).toEqual([]);
    expect(tooLarge.source.videoUrl).toBe(imageUrl('/long.mp4'));
    expect((await app.request('GET', postPath(notVideo.id), { token: owner.token })).body.mediaFetch).toEqual({
      state: 'failed',
      reason: 'type_not_allowed',
      message: 'The file at that address is not an MP4, MOV or WebM video.',
    });
    // Nothing of either was left in the library.
    const library = await app.request('GET', `/api/v1/workspaces/${owner.workspaceId}/media?kind=video`, { token: owner.token });
    expect(library.body.items.map((item: { sourceUrl: string }) => item.sourceUrl)).not.toContain(imageUrl('/long.mp4'));
  });

  it('never fetches a video from a private address, also after a redirect; the browser supplies it', async () => {
    const obvious = await captureVideo('http://192.168.1.20/clip.mp4');
    expect(obvious.mediaFetch).toEqual({
      state: 'needs_browser',
      reason: 'private_address',
      message: 'The video is on a private or local network address, which the service does not fetch from. The browser supplies it.',
    });
    const redirected = await captureVideo(imageUrl('/to-intranet.mp4'));
    expect((await run()).needsBrowser).toBe(1);
    expect((await app.request('GET', postPath(redirected.id), { token: owner.token })).body.mediaFetch).toMatchObject({ state: 'needs_browser', reason: 'private_address' });
    expect(hits).toEqual(['/to-intranet.mp4']);
  });

  it('takes the video the browser supplies when the origin wants the person’s sign-in, within the video limit and types', async () => {
    const post = await captureVideo(imageUrl('/members-only.mp4'));
    expect((await run()).needsBrowser).toBe(1);
    const waiting = (await app.request('GET', postPath(post.id), { token: owner.token })).body;
    expect(waiting.mediaFetch).toEqual({ state: 'needs_browser', reason: 'origin_refused', message: 'The video’s site refused the service (it needs your sign-in). The browser supplies it.' });

    const path = `${postPath(post.id)}/capture-media`;
    const tooLarge = await upload(app.url, path, { token: owner.token, body: bigVideo, filename: 'members-only.mp4' });
    expect([tooLarge.status, tooLarge.body.error.code]).toEqual([413, 'media_too_large']);
    const picture = await upload(app.url, path, { token: owner.token, body: image, filename: 'members-only.mp4' });
    expect([picture.status, picture.body.error.code]).toEqual([415, 'media_type_not_allowed']);

    const supplied = await upload(app.url, path, { token: owner.token, body: video, filename: 'members-only.mp4' });
    expect(supplied.status).toBe(201);
    expect(supplied.body.mediaFetch.state).toBe('done');
    expect(supplied.body.media).toHaveLength(1);
    expect(supplied.body.media[0]).toMatchObject({ kind: 'video', durationSeconds: 12.5 });
    const fetched = await app.request('GET', `/api/v1/workspaces/${owner.workspaceId}/media/${supplied.body.media[0].id}`, { token: owner.token });
    expect(fetched.body).toMatchObject({ sourceUrl: imageUrl('/members-only.mp4'), originalFilename: 'members-only.mp4' });
    const again = await upload(app.url, path, { token: owner.token, body: video });
    expect([again.status, again.body.error.code]).toEqual([409, 'capture_media_not_needed']);
  });
});
