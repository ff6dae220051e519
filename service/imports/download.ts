import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { PlatformError } from '../platforms/lib/errors.js';
import { kindFromStatus, type VendorErrorReader } from '../platforms/lib/http.js';

/** A vendor's file as it starts arriving: the body not yet read. */
export interface OpenedDownload {
  body: Readable;
  /** Content-Length, when the vendor sent one. */
  length: number | undefined;
}

/** How long a download may go without a single byte before it is given up. */
const IDLE_MS = 60_000;

/**
 * Starts a GET of a vendor's file (Drive's `alt=media` or export, a Canva download link) and answers
 * its body as a stream, unread: the caller pipes it to storage, so nothing is held in memory. Redirects
 * are not followed (the addresses are the vendor's own). A status of 400 or more is a PlatformError read
 * with the vendor's reader, like every other vendor call (401: `auth`, which withFreshAccessToken retries).
 */
export async function openDownload(url: string, options: { bearer?: string; readVendorError: VendorErrorReader; signal?: AbortSignal }): Promise<OpenedDownload> {
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  let idle = setTimeout(() => controller.abort(), IDLE_MS);
  let response: Response;
  try {
    response = await fetch(url, { headers: options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}, redirect: 'manual', signal });
  } catch {
    clearTimeout(idle);
    throw new PlatformError('transient', 'The download could not be started.');
  }
  if (response.status >= 300 || !response.body) {
    clearTimeout(idle);
    const text = await response.text().catch(() => '');
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (e.g. a CDN's XML)
    }
    const vendor = options.readVendorError(response.status, body, response.headers);
    throw new PlatformError(vendor.kind ?? kindFromStatus(response.status, false), vendor.message ?? `The download answered HTTP ${response.status}.`, {
      httpStatus: response.status, vendorCode: vendor.vendorCode ?? null, vendorMessage: vendor.vendorMessage ?? null,
    });
  }
  const length = Number(response.headers.get('content-length'));
  // Each chunk restarts the idle timer: a large file may take long, a stalled one may not.
  const watchdog = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(), IDLE_MS);
      callback(null, chunk);
    },
    flush(callback) {
      clearTimeout(idle);
      callback();
    },
  });
  const source = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
  source.once('error', (error) => watchdog.destroy(error));
  watchdog.once('close', () => {
    clearTimeout(idle);
    if (!source.destroyed) source.destroy();
  });
  source.pipe(watchdog);
  return { body: watchdog, length: response.headers.has('content-length') && Number.isFinite(length) ? length : undefined };
}
