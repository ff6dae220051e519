import { requireString } from '../meta/graph.js';
import { exchangeForLongLived, refreshLongLived, type LongLivedScheme } from '../meta/long-lived-tokens.js';
import type { Platform, PlatformContext, PlatformSettings, TokenSet } from '../types.js';

/** Reference §5 "Auth": profile, publishing, insights, replies. */
export const THREADS_SCOPES = ['threads_basic', 'threads_content_publish', 'threads_manage_insights', 'threads_manage_replies'] as const;

export const THREADS_TOKENS: LongLivedScheme = { networkName: 'Threads', exchangeGrant: 'th_exchange_token', refreshGrant: 'th_refresh_token' };

/** The Threads authorization page: comma-joined scopes, no PKCE. */
export function threadsAuthorizeUrl(settings: PlatformSettings, request: { state: string; redirectUri: string }): string {
  const url = new URL(settings.authorizeUrl);
  url.search = new URLSearchParams({ client_id: settings.clientId, redirect_uri: request.redirectUri, scope: THREADS_SCOPES.join(','), response_type: 'code', state: request.state }).toString();
  return url.toString();
}

/**
 * Code → short-lived token (1 h; POST form to graph.threads.net/oauth/access_token) → long-lived token
 * (60 days). Threads does not list the granted permissions here; they are the ones asked for.
 */
export const exchangeThreadsCode: Platform['oauth']['exchangeCode'] = async (context, request) => {
  const { settings } = context;
  const response = await context.http.request({
    method: 'POST',
    url: settings.tokenUrl,
    form: { client_id: settings.clientId, client_secret: settings.clientSecret, grant_type: 'authorization_code', redirect_uri: request.redirectUri, code: request.code },
  });
  return exchangeForLongLived(context, THREADS_TOKENS, requireString(response.json, 'access_token', 'Threads'), [...THREADS_SCOPES]);
};

/** A new long-lived token (valid 60 days from now); tokens left unrefreshed for 60 days die. */
export function refreshThreads(context: PlatformContext, tokens: TokenSet): Promise<TokenSet> {
  return refreshLongLived(context, THREADS_TOKENS, tokens);
}
