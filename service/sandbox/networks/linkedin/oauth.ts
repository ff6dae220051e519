import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import { registerConsent } from '../kit/consent.js';
import { SimOAuthError } from '../kit/oauth-store.js';
import type { NetworkSimulator } from '../kit/types.js';

/** Refresh tokens (partner apps) live 365 days from the first authorization. */
const REFRESH_TTL_SECONDS = 365 * 24 * 3600;

/**
 * LinkedIn's OAuth 2.0: the consent page (`/oauth/v2/authorization`, no PKCE), `POST /oauth/v2/accessToken`
 * (form body with client_id and client_secret; refresh tokens that are not rotated), and
 * `POST /oauth/v2/revoke`. Errors as `{error, error_description}`.
 */
export function registerLinkedInOAuth(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory'>): void {
  registerConsent(router, { networkName: 'LinkedIn', path: '/oauth/v2/authorization', store: sim.store, directory: sim.directory, scopeSeparator: ' ' });

  router.post('/oauth/v2/accessToken', (ctx) => {
    const form = (ctx.request as { body?: Record<string, string | undefined> }).body ?? {};
    try {
      const credentials = { clientId: form.client_id, clientSecret: form.client_secret ?? '' };
      const tokens =
        form.grant_type === 'authorization_code'
          ? sim.store.exchangeCode({ ...credentials, code: form.code, redirectUri: form.redirect_uri })
          : form.grant_type === 'refresh_token'
            ? sim.store.refresh({ ...credentials, refreshToken: form.refresh_token })
            : null;
      if (!tokens) throw new SimOAuthError('unsupported_grant_type', 'A required parameter "grant_type" is missing or invalid.');
      ctx.body = {
        access_token: tokens.accessToken,
        expires_in: tokens.expiresIn,
        refresh_token: tokens.refreshToken,
        refresh_token_expires_in: REFRESH_TTL_SECONDS,
        scope: tokens.scopes.join(','),
        token_type: 'Bearer',
      };
    } catch (error) {
      if (!(error instanceof SimOAuthError)) throw error;
      ctx.status = error.error === 'invalid_client' ? 401 : 400;
      ctx.body = { error: error.error, error_description: error.description };
    }
  });

  router.post('/oauth/v2/revoke', (ctx) => {
    const form = (ctx.request as { body?: Record<string, string | undefined> }).body ?? {};
    try {
      sim.store.client(form.client_id, form.client_secret ?? '');
      if (!form.token) throw new SimOAuthError('invalid_request', 'A required parameter "token" is missing.');
      sim.store.revoke(form.token);
      ctx.status = 200;
      ctx.body = '';
    } catch (error) {
      if (!(error instanceof SimOAuthError)) throw error;
      ctx.status = error.error === 'invalid_client' ? 401 : 400;
      ctx.body = { error: error.error, error_description: error.description };
    }
  });
}
