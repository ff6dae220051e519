import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Config } from '../config.js';
import { isStorageKey } from './keys.js';
import { contentDisposition } from './signing.js';
import type { BlobRead, BlobStorage, ByteRange, SignedUrlOptions } from './types.js';

/** Size of one multipart part: with two in flight, an upload holds at most ~16 MB in memory. */
const PART_SIZE = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/** The SDK client for the configured bucket. */
export function createS3Client(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    forcePathStyle: config.forcePathStyle,
    // The SDK's default CRC32 trailers (aws-chunked bodies) are not understood by many S3-compatible
    // services; checksums are added only where an operation requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * Media files in an S3-compatible bucket. Uploads stream through `@aws-sdk/lib-storage` (multipart above
 * one part, so memory stays bounded whatever the size); a failed upload is aborted, leaving no object
 * and no parts. Signed addresses are presigned GETs that also fix the Content-Type and Content-Disposition.
 */
export class S3Storage implements BlobStorage {
  readonly kind = 's3';

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Readable, contentType: string): Promise<{ size: number }> {
    checkKey(key);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(null, chunk);
      },
    });
    // The body's error (e.g. a size limit) reaches the counter, which lib-storage reads from.
    const piping = pipeline(body, counter);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: counter, ContentType: contentType },
      partSize: PART_SIZE,
      queueSize: PARTS_IN_FLIGHT,
      leavePartsOnError: false,
    });
    const done = upload.done();
    try {
      await Promise.all([done, piping]);
    } catch (error) {
      counter.destroy();
      // lib-storage aborts the multipart upload (no parts left behind) before `done` rejects.
      await done.catch(() => undefined);
      // A single-part upload may have completed before the body's error surfaced.
      await this.delete(key).catch(() => undefined);
      throw await piping.then(
        () => error,
        (bodyError: unknown) => bodyError,
      );
    }
    return { size };
  }

  async get(key: string, range?: ByteRange): Promise<BlobRead | null> {
    checkKey(key);
    try {
      const result = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
      );
      const total = range ? Number(/\/(\d+)$/.exec(result.ContentRange ?? '')?.[1] ?? NaN) : Number(result.ContentLength);
      return { body: result.Body as Readable, size: total, ...(range ? { range } : {}) };
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async signedUrl(key: string, options: SignedUrlOptions): Promise<string> {
    checkKey(key);
    // S3 refuses presigned addresses valid for more than 7 days.
    const expiresIn = Math.min(604_800, Math.max(1, Math.round((options.expiresAt.getTime() - Date.now()) / 1000)));
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentType: options.contentType,
      ResponseContentDisposition: contentDisposition(options.disposition, options.filename),
    });
    return getSignedUrl(this.client, command, { expiresIn });
  }
}

function checkKey(key: string): void {
  if (!isStorageKey(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
}
