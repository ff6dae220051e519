import { PlatformError } from '../lib/errors.js';
import type { Platform, PlatformContext, TokenSet } from '../types.js';

/**
 * What Minopa asks LinkedIn for: the member's identity (OpenID Connect `openid profile`), posting as the
 * member and as the Pages they administer, listing those Pages, and reading post statistics.
 */
export const LINKEDIN_SCOPES = ['openid', 'profile', 'w_member_social', 'w_organization_social', 'r_organization_social', 'rw_organization_admin'] as const;

interface LinkedInTokenResponse {
  access_token: string;
  expires_in?: number;
  /** Comma-separated. */
  scope?: string;
  refresh_token?: string;
}

function tokenSet(body: LinkedInTokenResponse): TokenSet {
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? null,
    expiresAt: body.expires_in ? new Date(Date.now() + body.expires_in * 1000) : null,
    scopes: body.scope ? body.scope.split(/[ ,]/).filter(Boolean) : [],
  };
}

/** LinkedIn takes the client's credentials in the form body, not in Basic auth. */
async function requestTokens(ctx: PlatformContext, form: Record<string, string>): Promise<TokenSet> {
  const response = await ctx.http.request({
    method: 'POST',
    url: ctx.settings.tokenUrl,
    form: { ...form, client_id: ctx.settings.clientId, client_secret: ctx.settings.clientSecret },
  });
  return tokenSet(response.json as LinkedInTokenResponse);
}

/** Authorization code without PKCE (LinkedIn's web flow has none); scopes joined by spaces. */
export const linkedInOAuth: Platform['oauth'] = {
  scopes: LINKEDIN_SCOPES,
  pkce: false,
  authorizeUrl(settings, request) {
    const url = new URL(settings.authorizeUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', settings.clientId);
    url.searchParams.set('redirect_uri', request.redirectUri);
    url.searchParams.set('state', request.state);
    url.searchParams.set('scope', LINKEDIN_SCOPES.join(' '));
    return url.toString().replace(/\+/g, '%20');
  },
  exchangeCode(ctx, request) {
    return requestTokens(ctx, { grant_type: 'authorization_code', code: request.code, redirect_uri: request.redirectUri });
  },
};

/**
 * A new access token (60 days). LinkedIn gives refresh tokens only to approved partner apps; they are
 * not rotated (the same one comes back, its 365 days counting down). Without one the member must
 * reconnect, which the auth failure tells the publisher.
 */
export function refreshLinkedInTokens(ctx: PlatformContext, tokens: TokenSet): Promise<TokenSet> {
  if (!tokens.refreshToken) {
    return Promise.reject(new PlatformError('auth', 'LinkedIn connections last 60 days and this one cannot be renewed automatically. Reconnect the LinkedIn account.'));
  }
  return requestTokens(ctx, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken }).then((renewed) => ({ ...renewed, refreshToken: renewed.refreshToken ?? tokens.refreshToken }));
}

/** Revokes the access token at LinkedIn (form `token`, `client_id`, `client_secret`). */
export async function revokeLinkedInTokens(ctx: PlatformContext, tokens: TokenSet): Promise<void> {
  if (!ctx.settings.revokeUrl) return;
  await ctx.http.request({
    method: 'POST',
    url: ctx.settings.revokeUrl,
    form: { token: tokens.accessToken, client_id: ctx.settings.clientId, client_secret: ctx.settings.clientSecret },
  });
}
