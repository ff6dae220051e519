import type { PlatformContext, PlatformSettings, TokenSet } from '../types.js';

/** Profile (username and avatar), Direct Post, and video counts (platform-apis.md §6). */
export const TIKTOK_SCOPES = ['user.info.basic', 'user.info.profile', 'video.publish', 'video.list'] as const;

/**
 * TikTok's authorize address: `client_key`, comma-joined scopes. PKCE is for TikTok's desktop and mobile
 * flows; a web app authenticates with its secret on the server, so no challenge is sent.
 */
export function tiktokAuthorizeUrl(settings: PlatformSettings, request: { state: string; redirectUri: string }): string {
  const url = new URL(settings.authorizeUrl);
  url.searchParams.set('client_key', settings.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', TIKTOK_SCOPES.join(','));
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('state', request.state);
  return url.toString();
}

/**
 * `POST /v2/oauth/token/` (form, client_key + client_secret in the body). Refresh tokens rotate and are
 * single-use: the returned set always carries the new one, which the caller must persist before
 * anything else (the old one is spent).
 */
export async function tiktokTokenRequest(context: PlatformContext, form: Record<string, string | undefined>): Promise<TokenSet> {
  const { clientId, clientSecret, tokenUrl } = context.settings;
  const response = await context.http.request({ method: 'POST', url: tokenUrl, form: { ...form, client_key: clientId, client_secret: clientSecret } });
  const answer = response.json as { open_id: string; access_token: string; expires_in: number; refresh_token: string; refresh_expires_in?: number; scope?: string };
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    expiresAt: new Date(Date.now() + answer.expires_in * 1000),
    scopes: (answer.scope ?? '').split(',').filter(Boolean),
    extra: {
      openId: answer.open_id,
      ...(answer.refresh_expires_in ? { refreshExpiresAt: new Date(Date.now() + answer.refresh_expires_in * 1000).toISOString() } : {}),
    },
  };
}

/** `POST /v2/oauth/revoke/`: removes Minopa from the person's connected apps. */
export async function tiktokRevoke(context: PlatformContext, tokens: TokenSet): Promise<void> {
  if (!context.settings.revokeUrl) return;
  const { clientId, clientSecret } = context.settings;
  await context.http.request({ method: 'POST', url: context.settings.revokeUrl, form: { client_key: clientId, client_secret: clientSecret, token: tokens.accessToken } });
}
