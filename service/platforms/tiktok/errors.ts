import type { FailureKind } from '#shared/platforms.js';
import type { VendorErrorReader } from '../lib/http.js';

/** TikTok `error.code` strings whose meaning decides the kind (platform-apis.md §6). */
const KIND_OF_CODE: Record<string, FailureKind> = {
  access_token_invalid: 'auth',
  scope_not_authorized: 'auth',
  scope_permission_missed: 'auth',
  invalid_grant: 'auth',
  invalid_client: 'auth',
  rate_limit_exceeded: 'rate_limited',
  spam_risk_too_many_posts: 'rate_limited',
  spam_risk_too_many_pending_share: 'rate_limited',
  reached_active_user_cap: 'rate_limited',
  spam_risk_text: 'invalid_content',
  spam_risk_user_banned_from_posting: 'invalid_content',
  privacy_level_option_mismatch: 'invalid_content',
  unaudited_client_can_only_post_to_private_accounts: 'invalid_content',
  url_ownership_unverified: 'invalid_content',
  invalid_params: 'invalid_content',
  invalid_file_upload: 'invalid_content',
  file_format_check_failed: 'invalid_content',
  duration_check_failed: 'invalid_content',
  frame_rate_check_failed: 'invalid_content',
  picture_size_check_failed: 'invalid_content',
  video_pull_failed: 'invalid_content',
  photo_pull_failed: 'invalid_content',
};

/** What a person can do about some codes, said plainly. */
const MESSAGE_OF_CODE: Record<string, string> = {
  spam_risk_text: 'TikTok refused this post as repeated or spam-like content. Change the caption or the video.',
  spam_risk_user_banned_from_posting: 'TikTok has blocked this account from posting for now. Check the account in the TikTok app.',
  privacy_level_option_mismatch: 'This TikTok account does not offer the chosen audience (privacy level). Choose another one.',
  unaudited_client_can_only_post_to_private_accounts: 'Until TikTok approves this app, it may only post as “Only me” (SELF_ONLY) from a private account.',
  spam_risk_too_many_posts: 'TikTok limits how many posts an account makes per day. We will try again later.',
};

/**
 * TikTok's error answers: the API's `{data, error: {code, message, log_id}}` and the OAuth endpoints'
 * `{error, error_description, log_id}`. The code decides the kind where it says more than the status
 * (a 403 `spam_risk_text` is refused content, not a permission problem).
 */
export const readTikTokError: VendorErrorReader = (_status, body) => {
  const payload = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; error_description?: unknown; log_id?: unknown };
  const nested = typeof payload.error === 'object' && payload.error !== null ? (payload.error as { code?: unknown; message?: unknown; log_id?: unknown }) : null;
  const code = nested ? (typeof nested.code === 'string' ? nested.code : null) : typeof payload.error === 'string' ? payload.error : null;
  const vendorMessage = nested ? (typeof nested.message === 'string' ? nested.message : null) : typeof payload.error_description === 'string' ? payload.error_description : null;
  const logId = nested?.log_id ?? payload.log_id;
  return {
    vendorCode: code,
    vendorMessage,
    requestId: typeof logId === 'string' ? logId : null,
    kind: code ? KIND_OF_CODE[code] : undefined,
    ...(code && MESSAGE_OF_CODE[code] ? { message: MESSAGE_OF_CODE[code] } : {}),
  };
};
