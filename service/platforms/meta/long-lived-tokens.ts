import type { PlatformContext, TokenSet } from '../types.js';
import { graphRoot, requireString } from './graph.js';

/**
 * Instagram (Instagram Login) and Threads share this token scheme (reference §3 "Auth details", §5):
 * the code gives a short-lived token (1 h) that the server exchanges — with the app secret, at the Graph
 * root's `/access_token` — for a long-lived one (60 days), refreshed at `/refresh_access_token` before it
 * ends. There is no refresh token: the long-lived token refreshes itself.
 */
export interface LongLivedScheme {
  networkName: string;
  /** `ig_exchange_token` / `th_exchange_token`. */
  exchangeGrant: string;
  /** `ig_refresh_token` / `th_refresh_token`. */
  refreshGrant: string;
}

export async function exchangeForLongLived(context: PlatformContext, scheme: LongLivedScheme, shortToken: string, scopes: string[]): Promise<TokenSet> {
  const response = await context.http.request({
    method: 'GET',
    url: `${graphRoot(context.settings.apiUrl)}/access_token`,
    query: { grant_type: scheme.exchangeGrant, client_secret: context.settings.clientSecret, access_token: shortToken },
  });
  return tokenSet(response.json, scheme, scopes);
}

export async function refreshLongLived(context: PlatformContext, scheme: LongLivedScheme, tokens: TokenSet): Promise<TokenSet> {
  const response = await context.http.request({
    method: 'GET',
    url: `${graphRoot(context.settings.apiUrl)}/refresh_access_token`,
    query: { grant_type: scheme.refreshGrant, access_token: tokens.accessToken },
  });
  return { ...tokenSet(response.json, scheme, tokens.scopes ?? []), extra: tokens.extra };
}

function tokenSet(json: unknown, scheme: LongLivedScheme, scopes: string[]): TokenSet {
  const expiresIn = (json as { expires_in?: unknown }).expires_in;
  return {
    accessToken: requireString(json, 'access_token', scheme.networkName),
    refreshToken: null,
    expiresAt: typeof expiresIn === 'number' ? new Date(Date.now() + expiresIn * 1000) : null,
    scopes,
  };
}
