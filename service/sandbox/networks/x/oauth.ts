import type Router from '@koa/router';
import type { Context } from 'koa';
import type { AppState } from '../../../context.js';
import { registerConsent } from '../kit/consent.js';
import { SimOAuthError } from '../kit/oauth-store.js';
import type { NetworkSimulator } from '../kit/types.js';

/**
 * X's OAuth 2.0 endpoints: the consent page (`/i/oauth2/authorize`, PKCE required), `POST /2/oauth2/token`
 * (form body; a confidential client in HTTP Basic auth, a public one by `client_id`) with single-use,
 * rotating refresh tokens, and `POST /2/oauth2/revoke`. Errors as X gives them: `{error,
 * error_description}`, `invalid_request` for any bad code or token, `unauthorized_client` for a bad client.
 */
export function registerXOAuth(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory'>): void {
  registerConsent(router, { networkName: 'X', path: '/i/oauth2/authorize', store: sim.store, directory: sim.directory, scopeSeparator: ' ' });

  router.post('/2/oauth2/token', (ctx) =>
    oauthAnswer(ctx, (form, client) => {
      const tokens =
        form.grant_type === 'authorization_code'
          ? sim.store.exchangeCode({ code: form.code, clientId: client.id, clientSecret: client.secret, redirectUri: form.redirect_uri, codeVerifier: form.code_verifier })
          : form.grant_type === 'refresh_token'
            ? sim.store.refresh({ refreshToken: form.refresh_token, clientId: client.id, clientSecret: client.secret })
            : null;
      if (!tokens) throw new SimOAuthError('unsupported_grant_type', 'Value passed for the grant type was invalid.');
      // A refresh token only with offline.access, as X does.
      const offline = tokens.scopes.includes('offline.access');
      return { token_type: 'bearer', expires_in: tokens.expiresIn, access_token: tokens.accessToken, scope: tokens.scopes.join(' '), ...(offline ? { refresh_token: tokens.refreshToken } : {}) };
    }),
  );

  router.post('/2/oauth2/revoke', (ctx) =>
    oauthAnswer(ctx, (form, client) => {
      sim.store.client(client.id, client.secret);
      if (!form.token) throw new SimOAuthError('invalid_request', 'Missing required parameter [token].');
      sim.store.revoke(form.token);
      // X answers revoked: true for any token, known or not (RFC 7009 §2.2).
      return { revoked: true };
    }),
  );
}

function oauthAnswer(ctx: Context, work: (form: Record<string, string | undefined>, client: { id: string | undefined; secret: string | null }) => unknown): void {
  const form = (ctx.request as { body?: Record<string, string | undefined> }).body ?? {};
  try {
    const basic = basicCredentials(ctx);
    ctx.body = work(form, basic ?? { id: form.client_id, secret: null });
  } catch (error) {
    if (!(error instanceof SimOAuthError)) throw error;
    const badClient = error.error === 'invalid_client';
    ctx.status = badClient ? 401 : 400;
    ctx.body = { error: badClient ? 'unauthorized_client' : 'invalid_request', error_description: error.description };
  }
}

function basicCredentials(ctx: Context): { id: string; secret: string } | null {
  const encoded = ctx.get('authorization').match(/^Basic\s+(.+)$/i)?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}
