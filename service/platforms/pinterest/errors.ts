import type { VendorErrorReader } from '../lib/http.js';

/**
 * Pinterest's error answers: `{code, message}` (spec `Error`). Code 2 "Authentication failed" and 3
 * "insufficient permissions" mean the connection must be renewed; 8 is a rate limit (also sent as 429).
 * Everything else keeps the kind its HTTP status gives (404 board gone, 400 refused content → invalid_content).
 */
export const readPinterestError: VendorErrorReader = (status, body) => {
  const error = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; message?: unknown };
  const code = typeof error.code === 'number' ? error.code : null;
  const vendorMessage = typeof error.message === 'string' ? error.message : null;
  const details = { vendorCode: code === null ? null : String(code), vendorMessage };
  if (code === 2 || code === 3) {
    return { ...details, kind: 'auth', message: `Pinterest no longer accepts this account’s connection${code === 3 ? ' for posting' : ''}. Reconnect the Pinterest account.` };
  }
  if (code === 8) return { ...details, kind: 'rate_limited' };
  if (status === 404) {
    return { ...details, message: `Pinterest could not find the board or Pin (it may have been deleted). Choose another board and try again.${vendorMessage ? ` Pinterest said: “${vendorMessage}”` : ''}` };
  }
  return details;
};
