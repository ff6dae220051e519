import type Router from '@koa/router';
import type { Context } from 'koa';
import type { AppState } from '../../context.js';
import { escapeHtml, renderPage } from '../../pages/layout.js';
import { registerConsent } from '../networks/kit/consent.js';
import { SimOAuthError } from '../networks/kit/oauth-store.js';
import type { Directory } from '../networks/kit/directory.js';
import type { OAuthStore } from '../networks/kit/oauth-store.js';
import { createLineages } from './lineage.js';
import { CANVA_PATHS } from './paths.js';
import type { World } from './world.js';

/**
 * Canva's OAuth: the consent page (`/api/oauth/authorize`, PKCE required and S256 only), `POST
 * /rest/v1/oauth/token` (form body; client in HTTP Basic auth or the body) whose refresh tokens are
 * single-use — presenting a spent one answers 400 invalid_grant and ends the whole lineage, access tokens
 * included — and `POST /rest/v1/oauth/revoke` (ends the token's whole lineage, as revoking the consent).
 * OAuth errors are RFC 6749 JSON (`{error, error_description}`).
 */
export function registerCanvaOAuth(router: Router<AppState>, sim: { store: OAuthStore; directory: Directory; world: World }): void {
  const lineages = createLineages(sim.store);

  // Canva accepts S256 only; the kit's consent page would also take `plain`.
  router.get(CANVA_PATHS.authorize, async (ctx, next) => {
    if (ctx.query.code_challenge_method === 'S256') return next();
    ctx.status = 400;
    ctx.type = 'html';
    ctx.body = renderPage('Canva (sandbox)', `<h1>Request refused</h1><p>${escapeHtml('code_challenge_method must be S256.')}</p>`);
  });
  registerConsent(router, { networkName: 'Canva', path: CANVA_PATHS.authorize, store: sim.store, directory: sim.directory, scopeSeparator: ' ' });

  router.post(CANVA_PATHS.token, (ctx) =>
    oauthAnswer(ctx, (form, client) => {
      if (form.grant_type === 'authorization_code') {
        if (!form.code_verifier) throw new SimOAuthError('invalid_request', 'code_verifier is required.');
        const tokens = sim.store.exchangeCode({ code: form.code, clientId: client.id, clientSecret: client.secret, redirectUri: form.redirect_uri, codeVerifier: form.code_verifier });
        lineages.record(tokens);
        return tokenJson(tokens);
      }
      if (form.grant_type === 'refresh_token') {
        try {
          const tokens = sim.store.refresh({ refreshToken: form.refresh_token, clientId: client.id, clientSecret: client.secret });
          lineages.record(tokens, form.refresh_token);
          return tokenJson(tokens);
        } catch (error) {
          // A spent (or dead) refresh token: the whole lineage ends, as at Canva.
          if (error instanceof SimOAuthError && form.refresh_token) sim.world.revokedTokens.push(...lineages.revokeAll(form.refresh_token));
          throw error;
        }
      }
      throw new SimOAuthError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.');
    }),
  );

  router.post(CANVA_PATHS.revoke, (ctx) =>
    oauthAnswer(ctx, (form, client) => {
      if (client.secret === null) throw new SimOAuthError('invalid_client', 'Client authentication is required.');
      sim.store.client(client.id, client.secret);
      if (!form.token) throw new SimOAuthError('invalid_request', 'token is required.');
      sim.world.revokedTokens.push(...lineages.revokeAll(form.token));
      // RFC 7009: an unknown token is no error.
      return {};
    }),
  );
}

function tokenJson(tokens: { accessToken: string; refreshToken: string; expiresIn: number; scopes: string[] }) {
  return { access_token: tokens.accessToken, refresh_token: tokens.refreshToken, token_type: 'Bearer', expires_in: tokens.expiresIn, scope: tokens.scopes.join(' ') };
}

function oauthAnswer(ctx: Context, work: (form: Record<string, string | undefined>, client: { id: string | undefined; secret: string | null }) => unknown): void {
  const form = (ctx.request as { body?: Record<string, string | undefined> }).body ?? {};
  try {
    const basic = basicCredentials(ctx);
    const client = basic ?? { id: form.client_id, secret: form.client_secret ?? null };
    if (client.secret === null) throw new SimOAuthError('invalid_client', 'Client authentication is required.');
    ctx.body = work(form, client);
  } catch (error) {
    if (!(error instanceof SimOAuthError)) throw error;
    ctx.status = error.error === 'invalid_client' ? 401 : 400;
    ctx.body = { error: error.error, error_description: error.description };
  }
}

function basicCredentials(ctx: Context): { id: string; secret: string } | null {
  const encoded = ctx.get('authorization').match(/^Basic\s+(.+)$/i)?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
