import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isStorageKey } from './keys.js';
import { signMediaPath } from './signing.js';
import type { BlobRead, BlobStorage, ByteRange, SignedUrlOptions } from './types.js';

/** Where local files live and how their signed addresses are made. */
export interface LocalStorageOptions {
  /** Absolute folder (DATA_DIR/media by default). */
  dir: string;
  /** The service's public address (or how to read it, when known only once listening): signed addresses point at its `/media/<key>` route. */
  publicUrl: string | (() => string);
  appSecret: string;
}

/**
 * Media files on local disk. A file is written to `.tmp/` and renamed into place once complete and
 * flushed, so a reader never sees half a file and a crash leaves only a temporary file behind. Signed
 * addresses are `PUBLIC_URL/media/<key>?expires=…&sig=…` (HMAC of APP_SECRET), checked by routes/media-files.ts.
 */
export class LocalStorage implements BlobStorage {
  readonly kind = 'local';

  constructor(private readonly options: LocalStorageOptions) {}

  /** The media folder. */
  get dir(): string {
    return this.options.dir;
  }

  /** The file behind a key; throws for anything that is not a key the service makes. */
  pathOf(key: string): string {
    if (!isStorageKey(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
    return join(this.options.dir, key);
  }

  async put(key: string, body: Readable, _contentType: string): Promise<{ size: number }> {
    const target = this.pathOf(key);
    const temporary = join(this.options.dir, '.tmp', randomUUID());
    await mkdir(dirname(temporary), { recursive: true });
    // `flush` fsyncs before close: once put resolves, the file survives a crash.
    const file = createWriteStream(temporary, { flags: 'wx', flush: true });
    try {
      await pipeline(body, file);
      await mkdir(dirname(target), { recursive: true });
      await rename(temporary, target);
      return { size: file.bytesWritten };
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<BlobRead | null> {
    const path = this.pathOf(key);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (!range) return { body: createReadStream(path), size };
    return { body: createReadStream(path, { start: range.start, end: range.end }), size, range };
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async signedUrl(key: string, options: SignedUrlOptions): Promise<string> {
    this.pathOf(key);
    const expires = Math.floor(options.expiresAt.getTime() / 1000);
    const sig = signMediaPath(this.options.appSecret, key, expires);
    const base = typeof this.options.publicUrl === 'function' ? this.options.publicUrl() : this.options.publicUrl;
    return `${base}/media/${key}?expires=${expires}&sig=${sig}`;
  }
}
