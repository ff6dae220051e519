import { PlatformError } from '../lib/errors.js';
import { requireString } from '../meta/graph.js';
import type { Platform, PlatformContext, PlatformSettings, TokenSet } from '../types.js';

/**
 * What a scheduler needs from a Page (reference §2 "Auth"): list the Pages, read and create their posts
 * and comments (first comment), read insights, publish videos.
 */
export const FACEBOOK_SCOPES = ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts', 'pages_manage_engagement', 'read_insights', 'publish_video'] as const;

/** Without these the account cannot publish at all; a person who unticks them is told so at connect time. */
const REQUIRED = ['pages_show_list', 'pages_manage_posts'];

/** The Login dialog: comma-joined scopes, no PKCE (Facebook Login's server flow uses the app secret). */
export function facebookAuthorizeUrl(settings: PlatformSettings, request: { state: string; redirectUri: string }): string {
  const url = new URL(settings.authorizeUrl);
  url.search = new URLSearchParams({ client_id: settings.clientId, redirect_uri: request.redirectUri, state: request.state, response_type: 'code', scope: FACEBOOK_SCOPES.join(',') }).toString();
  return url.toString();
}

/**
 * Code → short-lived user token → long-lived user token (~60 days), both by GET on the token endpoint as
 * Graph wants; then the permissions the person actually granted. Page tokens read with this long-lived
 * token do not expire (see listFacebookPages), which is why Facebook needs no refresh.
 */
export const exchangeFacebookCode: Platform['oauth']['exchangeCode'] = async (context, request) => {
  const { settings } = context;
  const short = await context.http.request({
    method: 'GET',
    url: settings.tokenUrl,
    query: { client_id: settings.clientId, client_secret: settings.clientSecret, redirect_uri: request.redirectUri, code: request.code },
  });
  const long = await context.http.request({
    method: 'GET',
    url: settings.tokenUrl,
    query: { grant_type: 'fb_exchange_token', client_id: settings.clientId, client_secret: settings.clientSecret, fb_exchange_token: requireString(short.json, 'access_token', 'Facebook') },
  });
  const accessToken = requireString(long.json, 'access_token', 'Facebook');
  const expiresIn = (long.json as { expires_in?: number }).expires_in;
  const scopes = await grantedPermissions(context, accessToken);
  const missing = REQUIRED.filter((scope) => !scopes.includes(scope));
  if (missing.length) {
    throw new PlatformError('auth', `Facebook did not grant ${missing.join(' and ')}, which Minopa needs to post to your Pages. Connect again and keep every permission ticked.`);
  }
  return { accessToken, refreshToken: null, expiresAt: typeof expiresIn === 'number' ? new Date(Date.now() + expiresIn * 1000) : null, scopes };
};

async function grantedPermissions(context: PlatformContext, token: string): Promise<string[]> {
  const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/me/permissions`, bearer: token });
  const data = (response.json as { data?: Array<{ permission?: string; status?: string }> }).data ?? [];
  return data.filter((entry) => entry.status === 'granted' && entry.permission).map((entry) => entry.permission!);
}

/**
 * Removes the app from the person's Facebook account (DELETE on `revokeUrl`, `/me/permissions`), with the
 * user token behind the Page token. Note: this ends every Page connection made with that login.
 */
export async function revokeFacebook(context: PlatformContext, tokens: TokenSet): Promise<void> {
  if (!context.settings.revokeUrl) return;
  await context.http.request({ method: 'DELETE', url: context.settings.revokeUrl, bearer: tokens.extra?.userAccessToken ?? tokens.accessToken });
}
