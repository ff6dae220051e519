import type Router from '@koa/router';
import { graphRoot } from '../../../platforms/meta/graph.js';
import { SANDBOX_ENDPOINTS } from '../../../platforms/settings.js';
import type { AppState } from '../../../context.js';
import { registerConsent } from '../kit/consent.js';
import { SimOAuthError } from '../kit/oauth-store.js';
import type { NetworkSimulator } from '../kit/types.js';
import { graphError } from '../meta/graph-error.js';
import { registerLongLivedTokenRoutes } from '../meta/long-lived-routes.js';
import { graphParams } from '../meta/params.js';
import type { MetaTokens } from '../meta/tokens.js';

const PATHS = SANDBOX_ENDPOINTS.threads;

/**
 * Threads login: the authorization page (comma-joined scopes), the code exchange at
 * `/oauth/access_token` (parameters as form or query, answering a 1-hour token and `user_id`), and the
 * long-lived token exchange and refresh (`th_exchange_token`, `th_refresh_token`) at the Graph root.
 */
export function registerThreadsOAuth(router: Router<AppState>, sim: NetworkSimulator, tokens: MetaTokens): void {
  registerConsent(router, { networkName: 'Threads', path: PATHS.authorizeUrl, store: sim.store, directory: sim.directory, scopeSeparator: ',' });

  router.post(PATHS.tokenUrl, (ctx) => {
    const params = graphParams(ctx);
    if (params.grant_type !== 'authorization_code') return graphError(ctx, 400, 100, 'Invalid grant_type, expected authorization_code.', { type: 'OAuthException' });
    try {
      const issued = sim.store.exchangeCode({ code: params.code, clientId: params.client_id, clientSecret: params.client_secret ?? '', redirectUri: params.redirect_uri });
      const grant = sim.store.authenticateToken(issued.accessToken);
      const person = grant.ok ? sim.directory.get(grant.grant.subject) : undefined;
      ctx.body = { access_token: issued.accessToken, user_id: person!.id };
    } catch (error) {
      if (!(error instanceof SimOAuthError)) throw error;
      graphError(ctx, 400, error.error === 'invalid_client' ? 101 : 100, error.description, { type: 'OAuthException' });
    }
  });

  registerLongLivedTokenRoutes(router, sim, tokens, graphRoot(PATHS.apiUrl), { exchange: 'th_exchange_token', refresh: 'th_refresh_token' });
}
