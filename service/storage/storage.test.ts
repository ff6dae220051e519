import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalS3, type LocalS3 } from '../sandbox/s3/server.js';
import { mediaKeys } from './keys.js';
import { LocalStorage } from './local.js';
import { S3Storage, createS3Client } from './s3.js';
import type { BlobStorage } from './types.js';

/** A body that sends `chunks` and then fails, like an upload cut off by a size limit. */
function failingBody(chunks: Buffer[], error: Error): Readable {
  let index = 0;
  return new Readable({
    read() {
      if (index < chunks.length) this.push(chunks[index++]);
      else this.destroy(error);
    },
  });
}

const keyOf = () => mediaKeys(randomUUID(), randomUUID()).original;

let s3: LocalS3;
let dir: string;
const backends: Record<string, () => BlobStorage> = {};

beforeAll(async () => {
  s3 = await startLocalS3();
  dir = await mkdtemp(join(tmpdir(), 'minopa-storage-'));
  backends.local = () => new LocalStorage({ dir, publicUrl: 'http://localhost:1', appSecret: 'x'.repeat(40) });
  backends.s3 = () =>
    new S3Storage(
      createS3Client({ bucket: s3.bucket, endpoint: s3.endpoint, region: 'us-east-1', credentials: s3.credentials, forcePathStyle: true }),
      s3.bucket,
    );
});

afterAll(async () => {
  await s3?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(['local', 's3'])('%s storage', (name) => {
  it('stores a stream, reads it back whole and by range, and deletes it', async () => {
    const storage = backends[name]!();
    const key = keyOf();
    const bytes = randomBytes(300_000);
    expect(await storage.put(key, Readable.from([bytes.subarray(0, 100_000), bytes.subarray(100_000)]), 'image/png')).toEqual({ size: bytes.length });
    const whole = await storage.get(key);
    expect(whole?.size).toBe(bytes.length);
    expect(Buffer.concat(await whole!.body.toArray())).toEqual(bytes);
    const part = await storage.get(key, { start: 10, end: 19 });
    expect(Buffer.concat(await part!.body.toArray())).toEqual(bytes.subarray(10, 20));
    expect(part?.size).toBe(bytes.length);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key); // deleting twice is fine
  });

  it('leaves nothing behind when the body fails midway, and rethrows its error', async () => {
    const storage = backends[name]!();
    const key = keyOf();
    const limit = new Error('over the limit');
    // 20 MB before failing: past the first multipart part on S3.
    const chunks = Array.from({ length: 20 }, () => randomBytes(1024 * 1024));
    await expect(storage.put(key, failingBody(chunks, limit), 'video/mp4')).rejects.toBe(limit);
    expect(await storage.get(key)).toBeNull();
    if (name === 's3') {
      expect(s3.openUploads()).toBe(0);
      expect(s3.keys()).not.toContain(key);
      expect(s3.requests).toContain('DELETE AbortMultipartUpload');
    } else {
      expect(await readdir(join(dir, '.tmp'))).toEqual([]);
    }
  });

  it('refuses keys it did not make', async () => {
    const storage = backends[name]!();
    await expect(storage.put('../../etc/passwd', Readable.from(['x']), 'text/plain')).rejects.toThrow(/not a storage key/);
    await expect(storage.get('media/../secret')).rejects.toThrow(/not a storage key/);
  });
});

describe('S3 storage against the local S3 server (real SDK, Signature V4 checked)', () => {
  it('uploads a large stream in parts and serves it by a presigned address with the type and name given', async () => {
    const storage = backends.s3!();
    const key = keyOf();
    const before = s3.requests.length;
    const size = 20 * 1024 * 1024 + 123;
    await storage.put(key, Readable.from((function* () {
      for (let sent = 0; sent < size; sent += 1024 * 1024) yield Buffer.alloc(Math.min(1024 * 1024, size - sent), 7);
    })()), 'video/mp4');
    const calls = s3.requests.slice(before);
    expect(calls).toContain('POST CreateMultipartUpload');
    expect(calls.filter((call) => call === 'PUT UploadPart')).toHaveLength(3);
    expect(calls).toContain('POST CompleteMultipartUpload');

    const url = await storage.signedUrl(key, {
      expiresAt: new Date(Date.now() + 60_000), contentType: 'video/mp4', filename: 'Été "final".mp4', disposition: 'inline',
    });
    const response = await fetch(url, { headers: { Range: 'bytes=0-9' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="_t_ _final_.mp4"; filename*=UTF-8''%C3%89t%C3%A9%20%22final%22.mp4`);
    expect(response.headers.get('content-range')).toBe(`bytes 0-9/${size}`);
  });

  it('refuses a tampered or expired presigned address', async () => {
    const storage = backends.s3!();
    const key = keyOf();
    await storage.put(key, Readable.from([Buffer.from('hello')]), 'image/png');
    const url = await storage.signedUrl(key, { expiresAt: new Date(Date.now() + 60_000), contentType: 'image/png', disposition: 'inline' });
    expect(await text((await fetch(url)).body!)).toBe('hello');

    const otherKey = url.replace(key, keyOf());
    expect((await fetch(otherKey)).status).toBe(403);
    const forged = url.replace(/X-Amz-Signature=([0-9a-f])/, (_, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`);
    expect((await fetch(forged)).status).toBe(403);

    s3.setClockOffset(61_000);
    try {
      const expired = await fetch(url);
      expect(expired.status).toBe(403);
      expect(await expired.text()).toContain('Request has expired');
    } finally {
      s3.setClockOffset(0);
    }
  });
});
