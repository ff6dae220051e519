import type { FailureKind } from '#shared/platforms.js';
import type { VendorErrorReader } from '../../platforms/lib/http.js';

/**
 * Canva's error answers: `{code, message}` from the API (401 `invalid_access_token` /
 * `revoked_access_token`, 403 `missing_scope`, 429 `too_many_requests`) and RFC 6749
 * `{error, error_description}` from the OAuth endpoints — `invalid_grant` when a refresh token was
 * spent, revoked or never valid: the grant is gone and the person must connect again.
 */
export const readCanvaError: VendorErrorReader = (_status, body) => {
  const payload = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; error_description?: unknown; code?: unknown; message?: unknown };
  if (typeof payload.error === 'string') {
    const kind: FailureKind | undefined = payload.error === 'invalid_grant' ? 'auth' : undefined;
    return { vendorCode: payload.error, vendorMessage: typeof payload.error_description === 'string' ? payload.error_description : null, kind };
  }
  const code = typeof payload.code === 'string' ? payload.code : null;
  const kind: FailureKind | undefined = code === 'invalid_access_token' || code === 'revoked_access_token' || code === 'missing_scope' ? 'auth' : undefined;
  return { vendorCode: code, vendorMessage: typeof payload.message === 'string' ? payload.message : null, kind };
};
