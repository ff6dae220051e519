import type { Readable } from 'node:stream';
import { FILENAME_HEADER } from '#shared/media-types.js';
import type { AppContext } from '../context.js';

/** The raw body of an `upload: 'binary'` endpoint, handed to the handler unread. */
export interface UploadBody {
  /** The request itself: read it once, as a stream; it is never buffered whole. */
  stream: Readable;
  /** Content-Length when the client sent one (chunked uploads have none). */
  declaredLength: number | undefined;
  /** The file's name from X-Filename (percent-encoded UTF-8), if given. */
  filename: string | null;
}

/**
 * Why a raw body rather than multipart/form-data: one request carries one file, so the bytes can go
 * straight from the socket to storage with no boundary scanning and no parser in between; Content-Length
 * lets an over-limit file be refused before a byte is read; and the extension's `fetch(…, { body: blob })`
 * and `curl --data-binary @file` both send it as is. The Content-Type the client sends is ignored: the
 * type is read from the bytes.
 */
export function uploadBody(ctx: AppContext): UploadBody {
  const length = ctx.get('content-length');
  const raw = ctx.get(FILENAME_HEADER);
  let filename: string | null = null;
  if (raw) {
    try {
      filename = decodeURIComponent(raw);
    } catch {
      filename = raw;
    }
  }
  return { stream: ctx.req, declaredLength: /^\d+$/.test(length) ? Number(length) : undefined, filename };
}

/**
 * An upload failed (too large, wrong type, …) while its body may still be arriving: stop reading and
 * close the connection after the error response, instead of letting Node read and discard up to a
 * gigabyte to keep the connection alive. Rethrows `error` for the error handler.
 */
export function abandonUpload(ctx: AppContext, error: unknown): never {
  if (!ctx.req.readableEnded) {
    ctx.req.unpipe();
    ctx.req.pause();
    ctx.set('Connection', 'close');
  }
  throw error;
}
