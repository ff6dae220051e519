import { PlatformError, isPlatformError } from '../lib/errors.js';
import type { PlatformContext, PlatformSettings, TokenSet } from '../types.js';

/** What Minopa asks Pinterest for: read the account and its boards, create Pins (platform-apis.md §7). */
export const PINTEREST_SCOPES = ['user_accounts:read', 'boards:read', 'pins:read', 'pins:write'] as const;

/** The authorize address; Pinterest joins scopes with commas and does not take PKCE. */
export function pinterestAuthorizeUrl(settings: PlatformSettings, request: { state: string; redirectUri: string }): string {
  const url = new URL(settings.authorizeUrl);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', PINTEREST_SCOPES.join(','));
  url.searchParams.set('state', request.state);
  return url.toString();
}

interface TokenAnswer {
  access_token: string;
  expires_in: number;
  scope?: string;
  refresh_token?: string;
  refresh_token_expires_at?: number;
}

/**
 * `POST /v5/oauth/token` with the app's credentials in Basic auth and a form body. A refused grant is
 * an auth failure (the person must connect again), never "invalid content".
 */
export async function pinterestTokenRequest(context: PlatformContext, form: Record<string, string>, previous?: TokenSet): Promise<TokenSet> {
  const { clientId, clientSecret, tokenUrl } = context.settings;
  let answer: TokenAnswer;
  try {
    const response = await context.http.request({
      method: 'POST',
      url: tokenUrl,
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
      form,
    });
    answer = response.json as TokenAnswer;
  } catch (error) {
    if (isPlatformError(error) && error.kind === 'invalid_content') {
      throw new PlatformError('auth', 'Pinterest refused to renew this account’s connection. Reconnect the Pinterest account.', error.details);
    }
    throw error;
  }
  // Continuous refresh tokens: keep the newest one Pinterest sends, else the one we had.
  const refreshToken = answer.refresh_token ?? previous?.refreshToken ?? null;
  return {
    accessToken: answer.access_token,
    refreshToken,
    expiresAt: new Date(Date.now() + answer.expires_in * 1000),
    scopes: answer.scope ? answer.scope.split(/[\s,]+/).filter(Boolean) : [...(previous?.scopes ?? [])],
    ...(answer.refresh_token_expires_at ? { extra: { refreshTokenExpiresAt: new Date(answer.refresh_token_expires_at * 1000).toISOString() } } : {}),
  };
}
