import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMedia } from '../actions/upload-media.js';
import { createLogger } from '../logger.js';
import { pdf, png } from '../media/testing/fixtures.js';
import { mediaKeys } from '../storage/keys.js';
import { LocalStorage } from '../storage/local.js';
import { isCanvaDownloadUrl } from './canva/designs.js';
import { isDriveThumbnailUrl } from './google-drive/files.js';
import { addVendorThumbnail } from './thumbnail.js';

let dir: string;
let storage: LocalStorage;
const logger = createLogger({ level: 'error' });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minopa-thumbnail-'));
  storage = new LocalStorage({ dir, publicUrl: 'http://localhost', appSecret: 'x'.repeat(40) });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A stored PDF (no preview of its own) as storeMedia answers it. */
function storedPdf(): StoredMedia {
  const id = randomUUID();
  const workspaceId = randomUUID();
  const keys = mediaKeys(workspaceId, id);
  return {
    id,
    file: { workspaceId, uploadedBy: null, body: Readable.from([]) },
    stored: { kind: 'document', mimeType: 'application/pdf', sizeBytes: pdf().length, width: null, height: null, durationSeconds: null, storageKey: keys.original, thumbnailKey: null },
  };
}

const opened = (bytes: Buffer) => async () => ({ body: Readable.from([bytes]), length: bytes.length });

describe('a vendor thumbnail as a video’s or PDF’s preview', () => {
  it('stores it beside the file as the library’s WebP preview', async () => {
    const media = storedPdf();
    await addVendorThumbnail({ storage, logger }, media, opened(await png(595, 335)));
    expect(media.stored.thumbnailKey).toBe(mediaKeys(media.file.workspaceId, media.id).thumbnail);
    const chunks: Buffer[] = [];
    for await (const chunk of (await storage.get(media.stored.thumbnailKey!))!.body) chunks.push(chunk as Buffer);
    expect(await sharp(Buffer.concat(chunks)).metadata()).toMatchObject({ format: 'webp', width: 512, height: 288 });
  });

  it('is best effort: bytes that are no image, or a vendor that fails, leave the medium without a preview and nothing stored', async () => {
    for (const open of [opened(Buffer.from('<html>not a picture</html>')), async () => Promise.reject(new Error('vendor down'))]) {
      const media = storedPdf();
      await addVendorThumbnail({ storage, logger }, media, open);
      expect(media.stored.thumbnailKey).toBeNull();
      expect(await storage.get(mediaKeys(media.file.workspaceId, media.id).thumbnail)).toBeNull();
    }
  });

  it('a service that is stopping does not store the medium without its preview: the failure goes on to the import', async () => {
    const stopping = new AbortController();
    stopping.abort();
    const media = storedPdf();
    await expect(addVendorThumbnail({ storage, logger, signal: stopping.signal }, media, async () => Promise.reject(new Error('aborted')))).rejects.toThrow('aborted');
    expect(media.stored.thumbnailKey).toBeNull();
  });

  it('keeps an image’s own preview', async () => {
    const media = storedPdf();
    media.stored.thumbnailKey = 'media/own/preview';
    let opened = false;
    await addVendorThumbnail({ storage, logger }, media, async () => {
      opened = true;
      throw new Error('not asked');
    });
    expect(opened).toBe(false);
    expect(media.stored.thumbnailKey).toBe('media/own/preview');
  });
});

describe('which thumbnail addresses are fetched (SSRF)', () => {
  const driveApi = 'https://www.googleapis.com/drive/v3';
  it('Drive: https on Google’s thumbnail hosts, or the configured API’s host (the simulator) — nothing else gets the token', () => {
    expect(isDriveThumbnailUrl('https://lh3.googleusercontent.com/drive-storage/AJQWtB=s220', driveApi)).toBe(true);
    expect(isDriveThumbnailUrl('http://lh3.googleusercontent.com/drive-storage/AJQWtB=s220', driveApi)).toBe(false);
    expect(isDriveThumbnailUrl('https://lh3.googleusercontent.com:8443/x', driveApi)).toBe(false);
    expect(isDriveThumbnailUrl('https://user:pw@lh3.googleusercontent.com/x', driveApi)).toBe(false);
    expect(isDriveThumbnailUrl('https://lh3.googleusercontent.com.evil.example/x', driveApi)).toBe(false);
    expect(isDriveThumbnailUrl('http://169.254.169.254/latest/meta-data', driveApi)).toBe(false);
    expect(isDriveThumbnailUrl('http://127.0.0.1:4000/sandbox/google-drive/drive-storage/1abc=s220', 'http://127.0.0.1:4000/sandbox/google-drive/drive/v3')).toBe(true);
    expect(isDriveThumbnailUrl('not a url', driveApi)).toBe(false);
  });

  it('Canva: its export hosts (where design thumbnails live) or the configured API’s host', () => {
    const canvaApi = 'https://api.canva.com/rest';
    expect(isCanvaDownloadUrl('https://document-export.canva.com/Vczz9/zF9vzVtdADc/2/thumbnail/0001.png?X-Amz-Signature=x', canvaApi)).toBe(true);
    expect(isCanvaDownloadUrl('https://example.com/thumbnail.png', canvaApi)).toBe(false);
  });
});
