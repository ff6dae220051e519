import { PlatformError } from '../lib/errors.js';
import type { PlatformContext, PlatformSettings, TokenSet } from '../types.js';

/** Upload videos, and read the channel and video statistics (platform-apis.md §8). */
export const YOUTUBE_SCOPES = ['https://www.googleapis.com/auth/youtube.upload', 'https://www.googleapis.com/auth/youtube.readonly'] as const;

/**
 * Google's authorize address: space-joined scopes, PKCE S256, and `access_type=offline` with
 * `prompt=consent` so a refresh token is issued on every connect (also a reconnect).
 */
export function youtubeAuthorizeUrl(settings: PlatformSettings, request: { state: string; redirectUri: string; codeChallenge: string | null }): string {
  const url = new URL(settings.authorizeUrl);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', YOUTUBE_SCOPES.join(' '));
  url.searchParams.set('access_type', 'offline');
  url.searchParams.set('prompt', 'consent');
  url.searchParams.set('include_granted_scopes', 'true');
  url.searchParams.set('state', request.state);
  if (request.codeChallenge) {
    url.searchParams.set('code_challenge', request.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return url.toString();
}

/**
 * `POST https://oauth2.googleapis.com/token` (form, client credentials in the body). Google does not
 * rotate refresh tokens: a refresh answers none, and the one we hold stays.
 */
export async function googleTokenRequest(context: PlatformContext, form: Record<string, string | undefined>, previous?: TokenSet): Promise<TokenSet> {
  const { clientId, clientSecret, tokenUrl } = context.settings;
  const response = await context.http.request({ method: 'POST', url: tokenUrl, form: { ...form, client_id: clientId, client_secret: clientSecret } });
  const answer = response.json as { access_token: string; expires_in: number; refresh_token?: string; scope?: string };
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token ?? previous?.refreshToken ?? null,
    expiresAt: new Date(Date.now() + answer.expires_in * 1000),
    scopes: answer.scope ? answer.scope.split(' ') : [...(previous?.scopes ?? [])],
  };
}

/** Revokes the grant (the refresh token when we have one: that ends every token of the grant). */
export async function googleRevoke(context: PlatformContext, tokens: TokenSet): Promise<void> {
  if (!context.settings.revokeUrl) return;
  try {
    await context.http.request({ method: 'POST', url: context.settings.revokeUrl, form: { token: tokens.refreshToken ?? tokens.accessToken } });
  } catch (error) {
    // 400 invalid_token: already revoked or expired — the disconnect's goal is met.
    if (error instanceof PlatformError && error.details.httpStatus === 400) return;
    throw error;
  }
}
