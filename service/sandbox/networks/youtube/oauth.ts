import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import { registerConsent } from '../kit/consent.js';
import { SimOAuthError } from '../kit/oauth-store.js';
import type { NetworkSimulator } from '../kit/types.js';

/**
 * Google's OAuth endpoints as YouTube uses them: the consent page (`/o/oauth2/v2/auth`, PKCE optional),
 * `POST /token` (form body, client credentials in the body; a refresh answers no new refresh token —
 * Google's are not rotated) and `POST /revoke` (form `token`; revoking either token ends the grant).
 * Errors are RFC 6749 JSON (`{error, error_description}`) as Google sends them.
 */
export function registerGoogleOAuth(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory'>): void {
  registerConsent(router, { networkName: 'YouTube', path: '/o/oauth2/v2/auth', store: sim.store, directory: sim.directory, scopeSeparator: ' ' });

  router.post('/token', (ctx) => {
    const form = (ctx.request as { body?: Record<string, string> }).body ?? {};
    try {
      if (form.grant_type === 'authorization_code') {
        const tokens = sim.store.exchangeCode({ code: form.code, clientId: form.client_id, clientSecret: form.client_secret ?? '', redirectUri: form.redirect_uri, codeVerifier: form.code_verifier });
        ctx.body = { access_token: tokens.accessToken, expires_in: tokens.expiresIn, refresh_token: tokens.refreshToken, scope: tokens.scopes.join(' '), token_type: 'Bearer' };
      } else if (form.grant_type === 'refresh_token') {
        const tokens = sim.store.refresh({ refreshToken: form.refresh_token, clientId: form.client_id, clientSecret: form.client_secret ?? '' });
        ctx.body = { access_token: tokens.accessToken, expires_in: tokens.expiresIn, scope: tokens.scopes.join(' '), token_type: 'Bearer' };
      } else {
        throw new SimOAuthError('unsupported_grant_type', 'Invalid grant_type.');
      }
    } catch (error) {
      if (!(error instanceof SimOAuthError)) throw error;
      ctx.status = error.error === 'invalid_client' ? 401 : 400;
      ctx.body = { error: error.error, error_description: error.description };
    }
  });

  router.post('/revoke', (ctx) => {
    const token = ((ctx.request as { body?: Record<string, string> }).body ?? {}).token ?? String(ctx.query.token ?? '');
    if (!sim.store.revoke(token)) {
      ctx.status = 400;
      ctx.body = { error: 'invalid_token', error_description: 'Token expired or revoked' };
      return;
    }
    ctx.body = {};
  });
}
