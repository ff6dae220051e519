import type Router from '@koa/router';
import type { Context } from 'koa';
import type { AppState } from '../../../context.js';
import type { SimPerson } from '../kit/directory.js';
import { registerConsent } from '../kit/consent.js';
import { SimOAuthError } from '../kit/oauth-store.js';
import type { NetworkSimulator } from '../kit/types.js';
import { logId } from './world.js';

/** Refresh tokens live 180 days (platform-apis.md §6, docs of 2026-11). */
const REFRESH_TTL_SECONDS = 180 * 24 * 3600;

/**
 * TikTok Login Kit v2: the consent page (`/v2/auth/authorize/`, `client_key`, comma-joined scopes),
 * `POST /v2/oauth/token/` (form; client_key + client_secret in the body; refresh tokens rotate and are
 * single-use) and `POST /v2/oauth/revoke/`. Errors: `{error, error_description, log_id}`.
 */
export function registerTikTokOAuth(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory'>, openIdOf: (person: SimPerson) => string): void {
  registerConsent(router, { networkName: 'TikTok', path: '/v2/auth/authorize/', store: sim.store, directory: sim.directory, scopeSeparator: ',', clientIdParam: 'client_key' });

  router.post('/v2/oauth/token/', (ctx) => {
    const form = formOf(ctx);
    try {
      const tokens =
        form.grant_type === 'authorization_code'
          ? sim.store.exchangeCode({ code: form.code, clientId: form.client_key, clientSecret: form.client_secret ?? '', redirectUri: form.redirect_uri, codeVerifier: form.code_verifier })
          : form.grant_type === 'refresh_token'
            ? sim.store.refresh({ refreshToken: form.refresh_token, clientId: form.client_key, clientSecret: form.client_secret ?? '' })
            : null;
      if (!tokens) throw new SimOAuthError('unsupported_grant_type', 'grant_type is invalid.');
      const person = sim.store.authenticateToken(tokens.accessToken);
      const subject = person.ok ? sim.directory.get(person.grant.subject) : undefined;
      ctx.body = {
        open_id: subject ? openIdOf(subject) : '',
        scope: tokens.scopes.join(','),
        access_token: tokens.accessToken,
        expires_in: tokens.expiresIn,
        refresh_token: tokens.refreshToken,
        refresh_expires_in: REFRESH_TTL_SECONDS,
        token_type: 'Bearer',
      };
    } catch (error) {
      oauthError(ctx, error);
    }
  });

  router.post('/v2/oauth/revoke/', (ctx) => {
    const form = formOf(ctx);
    try {
      sim.store.client(form.client_key, form.client_secret ?? '');
      sim.store.revoke(form.token ?? '');
      ctx.body = {};
    } catch (error) {
      oauthError(ctx, error);
    }
  });
}

function formOf(ctx: Context): Record<string, string | undefined> {
  return ((ctx.request as { body?: unknown }).body ?? {}) as Record<string, string | undefined>;
}

function oauthError(ctx: Context, error: unknown): void {
  if (!(error instanceof SimOAuthError)) throw error;
  ctx.status = error.error === 'invalid_client' ? 401 : 400;
  ctx.body = { error: error.error, error_description: error.description, log_id: logId() };
}
