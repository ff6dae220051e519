import type Router from '@koa/router';
import type { Context } from 'koa';
import type { AppState } from '../../../context.js';
import { registerConsent } from '../kit/consent.js';
import { SimOAuthError } from '../kit/oauth-store.js';
import type { NetworkSimulator } from '../kit/types.js';
import { pinterestError } from './world.js';

/** Continuous refresh tokens live 60 days and are renewed by every refresh (platform-apis.md §7). */
const REFRESH_TTL_SECONDS = 60 * 24 * 3600;

/**
 * The consent page (`GET|POST /oauth/`) and `POST /v5/oauth/token` as Pinterest serves them: client
 * credentials in HTTP Basic auth, a form body, `authorization_code` and `refresh_token` grants.
 * Pinterest offers no revocation of user tokens (only system users), so there is no revoke route.
 */
export function registerPinterestOAuth(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory'>): void {
  registerConsent(router, { networkName: 'Pinterest', path: '/oauth/', store: sim.store, directory: sim.directory, scopeSeparator: ',' });

  router.post('/v5/oauth/token', (ctx) => {
    const client = basicCredentials(ctx);
    const form = (ctx.request as { body?: Record<string, string> }).body ?? {};
    try {
      if (!client) throw new SimOAuthError('invalid_client', 'Authentication failed.');
      sim.store.client(client.id, client.secret);
      const tokens =
        form.grant_type === 'authorization_code'
          ? sim.store.exchangeCode({ code: form.code, clientId: client.id, clientSecret: client.secret, redirectUri: form.redirect_uri })
          : form.grant_type === 'refresh_token'
            ? sim.store.refresh({ refreshToken: form.refresh_token, clientId: client.id, clientSecret: client.secret })
            : null;
      if (!tokens) throw new SimOAuthError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.');
      ctx.body = {
        access_token: tokens.accessToken,
        token_type: 'bearer',
        expires_in: tokens.expiresIn,
        scope: tokens.scopes.join(','),
        refresh_token: tokens.refreshToken,
        refresh_token_expires_in: REFRESH_TTL_SECONDS,
        refresh_token_expires_at: Math.floor(Date.now() / 1000) + REFRESH_TTL_SECONDS,
        response_type: form.grant_type,
      };
    } catch (error) {
      if (!(error instanceof SimOAuthError)) throw error;
      if (error.error === 'invalid_client') pinterestError(ctx, 401, 2, 'Authentication failed.');
      else pinterestError(ctx, 400, 1, error.description);
    }
  });
}

function basicCredentials(ctx: Context): { id: string; secret: string } | null {
  const encoded = ctx.get('authorization').match(/^Basic\s+(.+)$/i)?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
