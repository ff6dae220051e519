import type { VendorErrorReader } from '../lib/http.js';

/** OAuth error codes of the token endpoint that mean the grant is gone: the person must reconnect. */
const OAUTH_AUTH_ERRORS = new Set(['invalid_grant', 'invalid_request', 'invalid_client', 'unauthorized_client']);

interface LinkedInErrorBody {
  status?: number;
  code?: string;
  serviceErrorCode?: number;
  message?: string;
  error?: string;
  error_description?: string;
}

/**
 * Reads LinkedIn's error answers: the API's `{status, code, serviceErrorCode, message}` and OAuth's
 * `{error, error_description}`. The HTTP status already says what LinkedIn means (401 expired or revoked
 * token, 403 missing permission or not a Page admin, 422 a duplicate post, 429 a daily limit), so the
 * kind is left to it except for the token endpoint, whose 400s mean a dead grant.
 */
export const readLinkedInError: VendorErrorReader = (_status, body) => {
  if (!body || typeof body !== 'object') return {};
  const error = body as LinkedInErrorBody;
  if (typeof error.error === 'string') {
    return { vendorCode: error.error, vendorMessage: error.error_description ?? null, kind: OAUTH_AUTH_ERRORS.has(error.error) ? 'auth' : undefined };
  }
  const vendorCode = error.code ?? (error.serviceErrorCode !== undefined ? String(error.serviceErrorCode) : null);
  return { vendorCode, vendorMessage: error.message ?? null };
};
