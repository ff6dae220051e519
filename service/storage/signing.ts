import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC signatures of local media addresses (`/media/<key>?expires=…&sig=…`). The signing key is derived
 * from APP_SECRET with a label, so a media signature can never be mistaken for a session token hash.
 */
function signingKey(appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update('minopa/media-url/v1').digest();
}

/** The signature of `key` valid until `expires` (Unix seconds). */
export function signMediaPath(appSecret: string, key: string, expires: number): string {
  return createHmac('sha256', signingKey(appSecret)).update(`GET\n${key}\n${expires}`).digest('base64url');
}

/** Whether `signature` is the one for `key` and `expires`, compared in constant time. */
export function verifyMediaPath(appSecret: string, key: string, expires: number, signature: string): boolean {
  const expected = Buffer.from(signMediaPath(appSecret, key, expires));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A Content-Disposition value that cannot break the header or smuggle a path: an ASCII fallback name
 * (anything else becomes `_`) plus the exact name in RFC 5987 `filename*` form.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', filename: string | null | undefined): string {
  if (!filename) return disposition;
  const base = filename.split(/[\\/]/).pop() ?? '';
  const ascii = base.replace(/[^A-Za-z0-9._ -]/g, '_').replace(/^[. ]+/, '').slice(0, 100) || 'file';
  const encoded = encodeURIComponent(base.slice(0, 200)).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
