import type { FailureKind } from '#shared/platforms.js';
import type { VendorErrorReader } from '../../platforms/lib/http.js';

/** Google reasons (`error.errors[].reason`) that decide the kind whatever the HTTP status says. */
const KIND_OF_REASON: Record<string, FailureKind> = {
  authError: 'auth',
  insufficientPermissions: 'auth',
  rateLimitExceeded: 'rate_limited',
  userRateLimitExceeded: 'rate_limited',
};

/**
 * Google's error answers: `{error: {code, message, errors: [{reason}]}}` from Drive, and RFC 6749
 * `{error, error_description}` from the token and revoke endpoints (`invalid_grant`: the refresh token
 * was revoked, expired or never valid — the person must connect again).
 */
export const readGoogleDriveError: VendorErrorReader = (_status, body) => {
  const payload = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; error_description?: unknown };
  if (typeof payload.error === 'string') {
    return {
      vendorCode: payload.error,
      vendorMessage: typeof payload.error_description === 'string' ? payload.error_description : null,
      kind: payload.error === 'invalid_grant' ? 'auth' : undefined,
    };
  }
  const error = (payload.error ?? {}) as { message?: unknown; errors?: Array<{ reason?: unknown }> };
  const reason = typeof error.errors?.[0]?.reason === 'string' ? error.errors[0].reason : null;
  return { vendorCode: reason, vendorMessage: typeof error.message === 'string' ? error.message : null, kind: reason ? KIND_OF_REASON[reason] : undefined };
};
