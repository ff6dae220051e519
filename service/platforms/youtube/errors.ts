import type { FailureKind } from '#shared/platforms.js';
import type { VendorErrorReader } from '../lib/http.js';

/** Google reasons (`error.errors[].reason`) that decide the kind whatever the HTTP status says. */
const KIND_OF_REASON: Record<string, FailureKind> = {
  authError: 'auth',
  youtubeSignupRequired: 'auth',
  insufficientPermissions: 'auth',
  quotaExceeded: 'rate_limited',
  rateLimitExceeded: 'rate_limited',
  userRateLimitExceeded: 'rate_limited',
  uploadLimitExceeded: 'rate_limited',
  forbiddenPrivacySetting: 'invalid_content',
  invalidTitle: 'invalid_content',
  invalidDescription: 'invalid_content',
  invalidTags: 'invalid_content',
  invalidCategoryId: 'invalid_content',
  invalidPublishAt: 'invalid_content',
};

/** Daily quotas (videos.insert, the 10,000-unit bucket) reset at midnight Pacific time (platform-apis.md §8). */
export function msUntilPacificMidnight(now = new Date()): number {
  const pacific = new Date(now.toLocaleString('en-US', { timeZone: 'America/Los_Angeles' }));
  const midnight = new Date(pacific);
  midnight.setHours(24, 0, 0, 0);
  return midnight.getTime() - pacific.getTime();
}

/**
 * Google's error answers: `{error: {code, message, errors: [{reason}], status}}` from the API, and
 * RFC 6749 `{error: "invalid_grant", error_description}` from the token endpoint. The reason decides
 * the kind (a 403 quotaExceeded is a rate limit until the daily reset, not a permission problem).
 */
export const readYouTubeError: VendorErrorReader = (_status, body) => {
  const payload = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; error_description?: unknown };
  if (typeof payload.error === 'string') {
    const oauthKind: FailureKind | undefined = payload.error === 'invalid_grant' || payload.error === 'invalid_client' || payload.error === 'unauthorized_client' ? 'auth' : undefined;
    return { vendorCode: payload.error, vendorMessage: typeof payload.error_description === 'string' ? payload.error_description : null, kind: oauthKind };
  }
  const error = (payload.error ?? {}) as { message?: unknown; errors?: Array<{ reason?: unknown }> };
  const reason = typeof error.errors?.[0]?.reason === 'string' ? error.errors[0].reason : null;
  const kind = reason ? KIND_OF_REASON[reason] : undefined;
  return {
    vendorCode: reason,
    vendorMessage: typeof error.message === 'string' ? error.message : null,
    kind,
    ...(reason === 'quotaExceeded' || reason === 'uploadLimitExceeded' ? { retryAfterMs: msUntilPacificMidnight() } : {}),
    ...(reason === 'youtubeSignupRequired' ? { message: 'This Google account has no YouTube channel yet. Create the channel on YouTube, then reconnect.' } : {}),
  };
};
