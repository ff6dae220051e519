import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoVideo, isoVideoFile, jpeg, pdf, png, webm } from '../media/testing/fixtures.js';
import { upload, uploadUntilAnswered } from '../media/testing/upload.js';
import type { LocalStorage } from '../storage/local.js';
import { addMember } from '../testing/teams.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

const MB = 1024 * 1024;
let app: TestApp;
let owner: TestUser;
let viewer: TestUser;

/** Every file the app's local storage holds (originals, thumbnails and any temporary file). */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir((app.storage as LocalStorage).dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

const mediaPath = () => `/api/v1/workspaces/${owner.workspaceId}/media`;

beforeAll(async () => {
  // Small limits so "too large" needs only a few megabytes.
  app = await createTestApp({
    config: { media: { dir: '', maxBytes: { image: 1 * MB, video: 3 * MB, document: 2 * MB }, urlTtlSeconds: 3600, fetchTimeoutMs: 2000, fetchAllowedAddresses: [] } },
  });
  owner = await app.signUp();
  viewer = await app.signUp();
  await addMember(app, owner.workspaceId, viewer, 'viewer');
});
afterAll(() => app?.close());

describe('POST /workspaces/:id/media (P4)', () => {
  it('stores a PNG with its size, a thumbnail and signed addresses that serve the same bytes', async () => {
    const bytes = await png(800, 400);
    const response = await upload(app.url, mediaPath(), { token: owner.token, body: bytes, filename: 'Sunset at the pier.png' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'image', mimeType: 'image/png', sizeBytes: bytes.length, width: 800, height: 400, durationSeconds: null,
      originalFilename: 'Sunset at the pier.png', sourceUrl: null, uploadedBy: { id: owner.user.id },
    });
    const file = await fetch(response.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toBe(`inline; filename="Sunset at the pier.png"; filename*=UTF-8''Sunset%20at%20the%20pier.png`);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(bytes);
    const thumbnail = await fetch(response.body.thumbnailUrl);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    expect(await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).toMatchObject({ width: 512, height: 256 });
  });

  it('stores a JPEG, an MP4, a QuickTime movie, a WebM and a PDF, each typed from its bytes', async () => {
    const cases = [
      { body: await jpeg(120, 90), kind: 'image', mimeType: 'image/jpeg', width: 120, height: 90, durationSeconds: null },
      { body: isoVideoFile({ durationSeconds: 9.5, mdatBytes: 4096 }), kind: 'video', mimeType: 'video/mp4', width: 640, height: 360, durationSeconds: 9.5 },
      { body: isoVideoFile({ durationSeconds: 2, mdatBytes: 4096, quicktime: true }), kind: 'video', mimeType: 'video/quicktime', durationSeconds: 2 },
      { body: webm({ durationSeconds: 3.25 }), kind: 'video', mimeType: 'video/webm', width: 320, height: 240, durationSeconds: 3.25 },
      { body: pdf(), kind: 'document', mimeType: 'application/pdf', width: null, height: null, thumbnailUrl: null },
    ];
    for (const { body, ...expected } of cases) {
      const response = await upload(app.url, mediaPath(), { token: owner.token, body, filename: 'file' });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body).toMatchObject(expected);
    }
  });

  it('types a renamed file by its bytes: a PDF called photo.png sent as image/png is a document, downloaded as a PDF', async () => {
    const response = await upload(app.url, mediaPath(), { token: owner.token, body: pdf(), filename: 'photo.png', contentType: 'image/png' });
    expect(response.body).toMatchObject({ kind: 'document', mimeType: 'application/pdf', originalFilename: 'photo.png', thumbnailUrl: null });
    const file = await fetch(response.body.url);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="photo.png"/);
  });

  it('refuses a type it does not accept with 415 and what is accepted, storing nothing', async () => {
    const before = await storedFiles();
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200)]);
    const response = await upload(app.url, mediaPath(), { token: owner.token, body: zip, filename: 'cat.jpg', contentType: 'image/jpeg' });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('media_type_not_allowed');
    expect(response.body.error.message).toContain('Upload JPEG, PNG, GIF, WebP, MP4, QuickTime (MOV), WebM or PDF.');
    expect(await storedFiles()).toEqual(before);
  });

  it('aborts an upload over its kind’s limit mid-stream with 413 naming the limit, leaving nothing in storage', async () => {
    const before = await storedFiles();
    const { head } = isoVideo({ durationSeconds: 60, mdatBytes: 50 * MB });
    const chunks = (function* () {
      yield head;
      for (let i = 0; i < 200; i++) yield Buffer.alloc(256 * 1024, i);
    })();
    const answer = await uploadUntilAnswered(`${app.url}${mediaPath()}`, owner.token, chunks);
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ error: { code: 'media_too_large', message: 'This video is larger than 3 MB; the library accepts videos up to 3 MB.' } });
    // The service stopped reading soon after the limit: the client never got to send all 50 MB.
    expect(answer.sentBytes).toBeLessThan(20 * MB);
    expect(await storedFiles()).toEqual(before);
    const list = await app.request('GET', mediaPath(), { token: owner.token });
    expect(list.body.items.every((item: { sizeBytes: number }) => item.sizeBytes <= 3 * MB)).toBe(true);
  });

  it('refuses at once, from Content-Length, a file larger than its kind allows', async () => {
    const response = await upload(app.url, mediaPath(), { token: owner.token, body: Buffer.concat([await png(), Buffer.alloc(2 * MB)]) });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe('This image is 2 MB; the library accepts images up to 1 MB.');
  });

  it('refuses an empty upload, and viewers (P24)', async () => {
    expect((await upload(app.url, mediaPath(), { token: owner.token, body: Buffer.alloc(0) })).body.error.code).toBe('media_empty');
    const byViewer = await upload(app.url, mediaPath(), { token: viewer.token, body: await png() });
    expect(byViewer.status).toBe(403);
  });
});

describe('GET /workspaces/:id/media', () => {
  it('lists newest first in pages, optionally one kind, for viewers too', async () => {
    const first = await app.request('GET', `${mediaPath()}?limit=2`, { token: viewer.token });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await app.request('GET', `${mediaPath()}?limit=100&cursor=${first.body.nextCursor}`, { token: viewer.token });
    const all = [...first.body.items, ...second.body.items];
    const times = all.map((item: { createdAt: string }) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(all.map((item: { id: string }) => item.id)).size).toBe(all.length);
    const videos = await app.request('GET', `${mediaPath()}?kind=video`, { token: viewer.token });
    expect(videos.body.items.map((item: { mimeType: string }) => item.mimeType).sort()).toEqual(['video/mp4', 'video/quicktime', 'video/webm']);
  });
});
