import { isPlatformError, PlatformError } from '../lib/errors.js';
import type { PlatformContext } from '../types.js';

/**
 * The unversioned root of a Graph host: `https://graph.instagram.com/v24.0` → `https://graph.instagram.com`.
 * Token exchange and refresh (`/access_token`, `/refresh_access_token`) live there, not below a version.
 */
export function graphRoot(apiUrl: string): string {
  return apiUrl.replace(/\/v\d+(?:\.\d+)?$/, '');
}

/** A string field of a JSON answer, or a PlatformError saying the network answered something unexpected. */
export function requireString(json: unknown, field: string, networkName: string): string {
  const value = (json as Record<string, unknown> | null)?.[field];
  if (typeof value === 'string' && value) return value;
  if (typeof value === 'number') return String(value);
  throw new PlatformError('transient', `${networkName} answered without the ${field} we expected. We will try again.`);
}

/** A string field when present. */
export function optionalString(json: unknown, field: string): string | null {
  const value = (json as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' && value ? value : null;
}

/**
 * Reads one field of a Graph object (a permalink, typically) without letting its failure fail a publish
 * that already succeeded: null when the read fails for any network reason.
 */
export async function readFieldQuietly(context: PlatformContext, url: string, field: string, token: string): Promise<string | null> {
  try {
    const response = await context.http.request({ method: 'GET', url, query: { fields: field }, bearer: token });
    return optionalString(response.json, field);
  } catch (error) {
    if (!isPlatformError(error)) throw error;
    context.log.warn('could not read a field of a published post', { url, field, kind: error.kind });
    return null;
  }
}

/**
 * A reconcile check that turns "could not ask" (network down, throttled) into `found: 'unknown'` rather
 * than an error: the publisher keeps the target unconfirmed and asks again later. Auth failures and
 * programming errors still throw.
 */
export async function unknownWhenUnreachable<T>(check: () => Promise<T>): Promise<T | { found: 'unknown' }> {
  try {
    return await check();
  } catch (error) {
    if (isPlatformError(error) && error.kind !== 'auth' && error.kind !== 'invalid_content') return { found: 'unknown' };
    throw error;
  }
}
