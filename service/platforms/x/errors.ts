import type { FailureKind } from '#shared/platforms.js';
import type { VendorErrorReader } from '../lib/http.js';

/** Problem types (https://api.x.com/2/problems/…) that mean the connection itself is refused. */
const AUTH_PROBLEMS = new Set(['client-forbidden', 'unsupported-authentication', 'not-authorized-for-resource', 'client-not-enrolled', 'oauth1-permissions']);
/** Problem types that mean "slow down": the per-user window or the app's monthly cap. */
const RATE_PROBLEMS = new Set(['rate-limit-exceeded', 'usage-capped']);
/** OAuth error codes of the token and revoke endpoints: the grant is dead, the person must reconnect. */
const OAUTH_AUTH_ERRORS = new Set(['invalid_grant', 'invalid_request', 'invalid_client', 'unauthorized_client']);

interface XErrorBody {
  type?: string;
  title?: string;
  detail?: string;
  errors?: Array<{ code?: number; message?: string; type?: string; detail?: string }>;
  error?: string;
  error_description?: string;
}

/**
 * Reads X's three error shapes: RFC 7807 problems (`type`, `title`, `detail`) of API v2, the legacy
 * `{errors:[{code,message}]}`, and OAuth's `{error, error_description}` from the token endpoints.
 * The kind comes from the status and the problem type, never from the wording. One special case: X
 * refuses content (a duplicate post, text and media that do not fit together, a reply it does not
 * allow) with a plain 403 of type `about:blank`, while a refused token or app carries a problem type —
 * so a typeless 403 is invalid_content, not auth.
 */
export const readXError: VendorErrorReader = (status, body) => {
  if (!body || typeof body !== 'object') return {};
  const error = body as XErrorBody;
  const first = error.errors?.[0];
  if (typeof error.error === 'string') {
    return { vendorCode: error.error, vendorMessage: error.error_description ?? null, kind: OAUTH_AUTH_ERRORS.has(error.error) ? 'auth' : undefined };
  }
  const type = problemName(error.type ?? first?.type);
  const vendorMessage = error.detail ?? first?.detail ?? first?.message ?? error.title ?? null;
  const vendorCode = type ?? (first?.code !== undefined ? String(first.code) : null);
  let kind: FailureKind | undefined;
  if (type && AUTH_PROBLEMS.has(type)) kind = 'auth';
  else if (type && RATE_PROBLEMS.has(type)) kind = 'rate_limited';
  else if (status === 403 && (type === null || type === 'about:blank')) kind = 'invalid_content';
  return { vendorCode, vendorMessage, kind };
};

/** `https://api.x.com/2/problems/usage-capped` → `usage-capped`; `about:blank` stays as it is. */
function problemName(type: string | undefined): string | null {
  if (!type) return null;
  const match = /\/problems\/([a-z0-9-]+)$/.exec(type);
  return match ? match[1]! : type;
}
