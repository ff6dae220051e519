import { PlatformError } from '../lib/errors.js';
import type { Platform, PlatformContext, PlatformSettings, TokenSet } from '../types.js';

/**
 * What Minopa asks X for: post and read as the person, upload media, and `offline.access` for a refresh
 * token (without it the connection dies after 2 hours). `POST /2/tweets` needs `tweet.write users.read
 * tweet.read`; every `/2/media/upload*` call needs `media.write`.
 */
export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'] as const;

/** X's token answer (`POST /2/oauth2/token`). */
interface XTokenResponse {
  token_type: string;
  access_token: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
}

/** Our app is a confidential client ("Web App"): X wants its credentials as HTTP Basic auth. */
function basicAuth(settings: PlatformSettings): Record<string, string> {
  const credentials = `${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`;
  return { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` };
}

function tokenSet(body: XTokenResponse): TokenSet {
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? null,
    expiresAt: body.expires_in ? new Date(Date.now() + body.expires_in * 1000) : null,
    scopes: body.scope ? body.scope.split(' ').filter(Boolean) : [],
  };
}

async function requestTokens(ctx: PlatformContext, form: Record<string, string>): Promise<TokenSet> {
  const response = await ctx.http.request({ method: 'POST', url: ctx.settings.tokenUrl, headers: basicAuth(ctx.settings), form });
  return tokenSet(response.json as XTokenResponse);
}

/** OAuth 2.0 authorization code with PKCE; scopes joined by spaces. */
export const xOAuth: Platform['oauth'] = {
  scopes: X_SCOPES,
  pkce: true,
  authorizeUrl(settings, request) {
    const url = new URL(settings.authorizeUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', settings.clientId);
    url.searchParams.set('redirect_uri', request.redirectUri);
    url.searchParams.set('scope', X_SCOPES.join(' '));
    url.searchParams.set('state', request.state);
    if (request.codeChallenge) {
      url.searchParams.set('code_challenge', request.codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
    }
    // URLSearchParams writes spaces as '+'; X documents the scope list joined by %20.
    return url.toString().replace(/\+/g, '%20');
  },
  exchangeCode(ctx, request) {
    return requestTokens(ctx, {
      grant_type: 'authorization_code',
      code: request.code,
      redirect_uri: request.redirectUri,
      ...(request.codeVerifier ? { code_verifier: request.codeVerifier } : {}),
    });
  },
};

/**
 * A new token pair. X's refresh tokens are single-use: the answer carries a NEW refresh token and the
 * old one is dead, so the caller must store this result before doing anything else.
 */
export function refreshXTokens(ctx: PlatformContext, tokens: TokenSet): Promise<TokenSet> {
  if (!tokens.refreshToken) throw new PlatformError('auth', 'This X connection cannot be renewed (X gave no refresh token). Reconnect the account.');
  return requestTokens(ctx, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
}

/** Revokes the refresh token (which ends the whole grant) and the access token at X. */
export async function revokeXTokens(ctx: PlatformContext, tokens: TokenSet): Promise<void> {
  const revokeUrl = ctx.settings.revokeUrl;
  if (!revokeUrl) return;
  const revoke = (token: string, hint: string) =>
    ctx.http.request({ method: 'POST', url: revokeUrl, headers: basicAuth(ctx.settings), form: { token, token_type_hint: hint } });
  if (tokens.refreshToken) await revoke(tokens.refreshToken, 'refresh_token');
  await revoke(tokens.accessToken, 'access_token');
}
