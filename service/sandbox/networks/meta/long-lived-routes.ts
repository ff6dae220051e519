import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { graphError } from './graph-error.js';
import { graphParams } from './params.js';
import type { MetaTokens } from './tokens.js';

/**
 * The long-lived token endpoints Instagram Login and Threads share, at the Graph root (`root`):
 * `GET /access_token?grant_type=<exchange>&client_secret&access_token={short}` (the app secret must be
 * the one of the token's app) and `GET /refresh_access_token?grant_type=<refresh>&access_token={long}`.
 */
export function registerLongLivedTokenRoutes(
  router: Router<AppState>,
  sim: NetworkSimulator,
  tokens: MetaTokens,
  root: string,
  grants: { exchange: string; refresh: string },
): void {
  router.get(`${root}/access_token`, (ctx) => {
    const params = graphParams(ctx);
    if (params.grant_type !== grants.exchange) return graphError(ctx, 400, 100, `Invalid grant_type, expected ${grants.exchange}.`);
    const grant = sim.store.authenticateToken(params.access_token ?? '');
    if (!grant.ok) return graphError(ctx, 400, 190, 'Error validating access token: the token to exchange is invalid or expired.', { type: 'OAuthException' });
    if (sim.store.client(grant.grant.clientId).clientSecret !== params.client_secret) return graphError(ctx, 400, 101, 'Error validating client secret.', { type: 'OAuthException' });
    const long = tokens.longLivedFor(params.access_token!)!;
    ctx.body = { access_token: long.accessToken, token_type: 'bearer', expires_in: long.expiresIn };
  });

  router.get(`${root}/refresh_access_token`, (ctx) => {
    const params = graphParams(ctx);
    if (params.grant_type !== grants.refresh) return graphError(ctx, 400, 100, `Invalid grant_type, expected ${grants.refresh}.`);
    const long = tokens.longLivedFor(params.access_token ?? '');
    if (!long) return graphError(ctx, 400, 190, 'Error validating access token: the token is invalid or expired.', { type: 'OAuthException' });
    ctx.body = { access_token: long.accessToken, token_type: 'bearer', expires_in: long.expiresIn };
  });
}
