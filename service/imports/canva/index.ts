import { PlatformError } from '../../platforms/lib/errors.js';
import { basicAuth, type TokenAnswer, tokensFrom } from '../oauth-tokens.js';
import type { IntegrationAdapter, IntegrationContext } from '../types.js';

/**
 * What Minopa asks Canva for (platform-apis.md §9): read designs and export them (the imports), and the
 * profile for the display name. `users/me` (user and team id) needs no scope.
 */
export const CANVA_SCOPES = ['design:meta:read', 'design:content:read', 'profile:read'] as const;

async function tokenRequest(context: IntegrationContext, form: Record<string, string>) {
  const { clientId, clientSecret, tokenUrl } = context.settings;
  // Canva's token endpoint is CORS-blocked for browsers: this runs on the service only.
  const response = await context.http.request({ method: 'POST', url: tokenUrl, headers: basicAuth(clientId, clientSecret), form });
  return response.json as TokenAnswer;
}

/** Canva Connect: authorization code with PKCE (S256 only), single-use refresh tokens, revoke ends the lineage. */
export const canvaAdapter: IntegrationAdapter = {
  id: 'canva',
  pkce: true,
  scopes: () => [...CANVA_SCOPES],
  authorizeUrl(settings, request) {
    const url = new URL(settings.authorizeUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', settings.clientId);
    url.searchParams.set('redirect_uri', request.redirectUri);
    url.searchParams.set('scope', request.scopes.join(' '));
    url.searchParams.set('state', request.state);
    url.searchParams.set('code_challenge', request.codeChallenge!);
    url.searchParams.set('code_challenge_method', 'S256');
    // Canva documents the scope list joined by %20.
    return url.toString().replace(/\+/g, '%20');
  },
  async exchangeCode(context, request) {
    return tokensFrom(
      await tokenRequest(context, { grant_type: 'authorization_code', code: request.code, code_verifier: request.codeVerifier ?? '', redirect_uri: request.redirectUri }),
    );
  },
  async refresh(context, tokens) {
    if (!tokens.refreshToken) throw new PlatformError('auth', 'This Canva connection cannot be renewed (Canva gave no refresh token).');
    return tokensFrom(await tokenRequest(context, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken }), tokens);
  },
  async revoke(context, tokens) {
    const { clientId, clientSecret, revokeUrl } = context.settings;
    // Revoking the refresh token ends its whole lineage and the consent (the access token with it).
    await context.http.request({ method: 'POST', url: revokeUrl, headers: basicAuth(clientId, clientSecret), form: { token: tokens.refreshToken ?? tokens.accessToken } });
  },
  async readProfile(context, tokens) {
    const { apiUrl } = context.settings;
    const me = (await context.http.request({ method: 'GET', url: `${apiUrl}/v1/users/me`, bearer: tokens.accessToken })).json as { team_user?: { user_id?: string; team_id?: string } };
    if (!me.team_user?.user_id) throw new PlatformError('transient', 'Canva answered no user id.');
    // Only with profile:read; a grant without it still connects, without a display name.
    const profile = tokens.scopes.includes('profile:read')
      ? ((await context.http.request({ method: 'GET', url: `${apiUrl}/v1/users/me/profile`, bearer: tokens.accessToken })).json as { profile?: { display_name?: string } })
      : {};
    return {
      displayName: profile.profile?.display_name ?? null,
      canvaUserId: me.team_user.user_id,
      canvaTeamId: me.team_user.team_id ?? null,
      email: null,
      storageLimit: null,
      storageUsage: null,
    };
  },
};
