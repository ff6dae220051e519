import { PlatformError } from '../lib/errors.js';
import { requireString } from '../meta/graph.js';
import { exchangeForLongLived, refreshLongLived, type LongLivedScheme } from '../meta/long-lived-tokens.js';
import type { Platform, PlatformContext, PlatformSettings, TokenSet } from '../types.js';

/** Instagram API with Instagram Login (reference §3): profile, publishing, insights, comments (first comment). */
export const INSTAGRAM_SCOPES = ['instagram_business_basic', 'instagram_business_content_publish', 'instagram_business_manage_insights', 'instagram_business_manage_comments'] as const;

const REQUIRED = ['instagram_business_basic', 'instagram_business_content_publish'];

export const INSTAGRAM_TOKENS: LongLivedScheme = { networkName: 'Instagram', exchangeGrant: 'ig_exchange_token', refreshGrant: 'ig_refresh_token' };

/** The Instagram login page: comma-joined scopes, no PKCE; Facebook login on it is turned off. */
export function instagramAuthorizeUrl(settings: PlatformSettings, request: { state: string; redirectUri: string }): string {
  const url = new URL(settings.authorizeUrl);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: INSTAGRAM_SCOPES.join(','),
    state: request.state,
    enable_fb_login: '0',
  }).toString();
  return url.toString();
}

/**
 * Code → short-lived token (POST form to api.instagram.com) → long-lived token (60 days). Answers come
 * flat (`{ access_token, user_id, permissions }`) or, in newer versions, wrapped in `data[0]`.
 */
export const exchangeInstagramCode: Platform['oauth']['exchangeCode'] = async (context, request) => {
  const { settings } = context;
  const response = await context.http.request({
    method: 'POST',
    url: settings.tokenUrl,
    form: { client_id: settings.clientId, client_secret: settings.clientSecret, grant_type: 'authorization_code', redirect_uri: request.redirectUri, code: request.code },
  });
  const body = response.json as { data?: unknown[] } | null;
  const answer = Array.isArray(body?.data) ? body.data[0] : body;
  const permissions = (answer as { permissions?: unknown }).permissions;
  const scopes = Array.isArray(permissions) ? permissions.map(String) : String(permissions ?? '').split(',').filter(Boolean);
  const missing = REQUIRED.filter((scope) => !scopes.includes(scope));
  if (missing.length) {
    throw new PlatformError('auth', `Instagram did not grant ${missing.join(' and ')}, which Minopa needs to publish. Connect again and allow every permission.`);
  }
  return exchangeForLongLived(context, INSTAGRAM_TOKENS, requireString(answer, 'access_token', 'Instagram'), scopes);
};

/** A new long-lived token (valid 60 days from now); the old one keeps working until it expires. */
export function refreshInstagram(context: PlatformContext, tokens: TokenSet): Promise<TokenSet> {
  return refreshLongLived(context, INSTAGRAM_TOKENS, tokens);
}
