import type { Readable } from 'node:stream';

/** An inclusive byte range of a stored object, as in an HTTP `Range: bytes=start-end` header. */
export interface ByteRange {
  start: number;
  end: number;
}

/** A stored object being read. */
export interface BlobRead {
  body: Readable;
  /** Size of the whole object in bytes. */
  size: number;
  /** The part being read, when a range was asked for. */
  range?: ByteRange;
}

/** How a signed address presents the file to a browser. */
export interface SignedUrlOptions {
  expiresAt: Date;
  contentType: string;
  /** Suggested file name for "Save as"; made safe before use. */
  filename?: string | null;
  /** `inline` shows images and videos in the page; `attachment` downloads (documents). */
  disposition: 'inline' | 'attachment';
}

/**
 * Where media files live: local disk by default, an S3-compatible bucket when configured. Keys are made
 * by the service only (storage/keys.ts), never from anything a person sent.
 */
export interface BlobStorage {
  readonly kind: 'local' | 's3';
  /**
   * Streams `body` into `key` and resolves with the number of bytes stored. Nothing is visible under
   * `key` until the whole body arrived; if `body` fails (e.g. a size limit destroys it), the partial
   * object is removed and the body's error is thrown.
   */
  put(key: string, body: Readable, contentType: string): Promise<{ size: number }>;
  /** Reads an object (or one range of it); null when there is no such object. */
  get(key: string, range?: ByteRange): Promise<BlobRead | null>;
  /** Removes an object; removing one that does not exist is not an error. */
  delete(key: string): Promise<void>;
  /** An address anyone holding it can read the object at until `expiresAt`, and no longer. */
  signedUrl(key: string, options: SignedUrlOptions): Promise<string>;
}
