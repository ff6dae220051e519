import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../errors.js';
import { mediaKeys } from '../storage/keys.js';
import { LocalStorage } from '../storage/local.js';
import { ingest, type IngestOptions } from './ingest.js';
import { isoVideo, isoVideoFile, jpeg, pdf, png, webm } from './testing/fixtures.js';
import { videoProbe } from './video-probe.js';

let dir: string;
let storage: LocalStorage;
const MB = 1024 * 1024;
const maxBytes = { image: 1 * MB, video: 4 * MB, document: 2 * MB };

/** Sends `bytes` in chunks of `size` (small chunks cross every header boundary). */
const chunked = (bytes: Buffer, size = 64 * 1024) =>
  Readable.from((function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  })());

const options = (overrides: Partial<IngestOptions> = {}): IngestOptions => ({
  storage, maxBytes, kinds: ['image', 'video', 'document'], keys: mediaKeys(randomUUID(), randomUUID()), thumbnail: 'fit', ...overrides,
});

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minopa-ingest-'));
  storage = new LocalStorage({ dir, publicUrl: 'http://localhost', appSecret: 'x'.repeat(40) });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('ingest', () => {
  it('stores a PNG with its size and a WebP thumbnail no larger than 512 px', async () => {
    const file = await ingest(chunked(await png(1200, 600), 1000), options());
    expect(file).toMatchObject({ kind: 'image', mimeType: 'image/png', width: 1200, height: 600, durationSeconds: null });
    const thumbnail = await storage.get(file.thumbnailKey!);
    const meta = await sharp(Buffer.concat(await thumbnail!.body.toArray())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 512, height: 256 });
  });

  it('reports a turned JPEG as people see it (EXIF orientation applied)', async () => {
    const file = await ingest(Readable.from([await jpeg(300, 200, 6)]), options());
    expect(file).toMatchObject({ mimeType: 'image/jpeg', width: 200, height: 300 });
  });

  it('types a file by its bytes, whatever it claims to be', async () => {
    const file = await ingest(Readable.from([pdf()]), options());
    expect(file).toMatchObject({ kind: 'document', mimeType: 'application/pdf', thumbnailKey: null, width: null });
  });

  it.each([
    ['an MP4 with its index first', { durationSeconds: 12.5, mdatBytes: 300_000 }, 'video/mp4'],
    ['an MP4 with its index last', { durationSeconds: 61.25, mdatBytes: 300_000, moovAtEnd: true }, 'video/mp4'],
    ['a QuickTime movie', { durationSeconds: 3, mdatBytes: 10_000, quicktime: true }, 'video/quicktime'],
  ])('reads the duration and frame size of %s while streaming', async (_name, video, mimeType) => {
    const file = await ingest(chunked(isoVideoFile(video), 7), options());
    expect(file).toMatchObject({ kind: 'video', mimeType, durationSeconds: video.durationSeconds, width: 640, height: 360, thumbnailKey: null });
  });

  it('reads the duration and frame size of a WebM', async () => {
    const file = await ingest(chunked(webm({ durationSeconds: 4.5, width: 1280, height: 720 }), 5), options());
    expect(file).toMatchObject({ kind: 'video', mimeType: 'video/webm', durationSeconds: 4.5, width: 1280, height: 720 });
  });

  it('refuses what it does not accept, saying what it found and what is accepted, and stores nothing', async () => {
    const before = await storedFiles();
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>');
    const error = await ingest(Readable.from([svg]), options()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 'media_type_not_allowed', status: 415 });
    expect((error as Error).message).toMatch(/^This file is XML .*Upload JPEG, PNG, GIF, WebP, MP4, QuickTime \(MOV\), WebM or PDF\.$/);
    const notImage = await ingest(Readable.from([pdf()]), options({ kinds: ['image'] })).catch((caught: unknown) => caught);
    expect((notImage as Error).message).toBe('This file is PDF (application/pdf), which cannot be used here. Upload JPEG, PNG, GIF or WebP.');
    expect(await storedFiles()).toEqual(before);
  });

  it('aborts a file over its kind’s limit mid-stream and leaves nothing in storage', async () => {
    const before = await storedFiles();
    const { head } = isoVideo({ durationSeconds: 1, mdatBytes: 10 * MB });
    let sent = 0;
    const body = Readable.from((function* () {
      yield head;
      for (; sent < 10 * MB; sent += 256 * 1024) yield Buffer.alloc(256 * 1024);
    })());
    const error = await ingest(body, options()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'media_too_large', message: 'This video is larger than 4 MB; the library accepts videos up to 4 MB.' });
    // Stopped soon after the limit, not after reading the whole 10 MB.
    expect(sent).toBeLessThan(6 * MB);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses at once when the announced length is over the limit', async () => {
    const error = await ingest(Readable.from([await png()]), options({ declaredLength: 2 * MB })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'media_too_large', message: 'This image is 2 MB; the library accepts images up to 1 MB.' });
  });

  it('refuses an empty body and an image that does not decode', async () => {
    await expect(ingest(Readable.from([]), options())).rejects.toMatchObject({ code: 'media_empty' });
    const cut = (await png(400, 400)).subarray(0, 200);
    await expect(ingest(Readable.from([cut]), options())).rejects.toMatchObject({ code: 'media_unreadable' });
  });
});

describe('videoProbe', () => {
  it('says nothing rather than guess when the container has no index', () => {
    const probe = videoProbe('video/mp4');
    probe.feed(isoVideo({ durationSeconds: 5, mdatBytes: 100, moovAtEnd: true }).head);
    expect(probe.result()).toEqual({ durationSeconds: null, width: null, height: null });
  });
});
