import type Router from '@koa/router';
import type { Context } from 'koa';
import { graphRoot } from '../../../platforms/meta/graph.js';
import { SANDBOX_ENDPOINTS } from '../../../platforms/settings.js';
import type { AppState } from '../../../context.js';
import { registerConsent } from '../kit/consent.js';
import { SimOAuthError } from '../kit/oauth-store.js';
import { simBody } from '../kit/standalone.js';
import type { NetworkSimulator } from '../kit/types.js';
import { registerLongLivedTokenRoutes } from '../meta/long-lived-routes.js';
import { graphParams } from '../meta/params.js';
import type { MetaTokens } from '../meta/tokens.js';

const PATHS = SANDBOX_ENDPOINTS.instagram;
/** The unversioned Graph root of the API address: where token exchange and refresh live. */
const ROOT = graphRoot(PATHS.apiUrl);

/** api.instagram.com's flat error shape. */
function instagramOAuthError(ctx: Context, message: string): void {
  ctx.status = 400;
  ctx.body = { error_type: 'OAuthException', code: 400, error_message: message };
}

/**
 * Instagram Login: the authorization page (comma-joined scopes); the code exchange (POST form, answering
 * a 1-hour token, `user_id` and `permissions`); `GET /access_token?grant_type=ig_exchange_token` with the
 * app secret for a 60-day token and `GET /refresh_access_token?grant_type=ig_refresh_token`.
 */
export function registerInstagramOAuth(router: Router<AppState>, sim: NetworkSimulator, tokens: MetaTokens): void {
  registerConsent(router, { networkName: 'Instagram', path: PATHS.authorizeUrl, store: sim.store, directory: sim.directory, scopeSeparator: ',' });

  router.post(PATHS.tokenUrl, simBody(), (ctx) => {
    const params = graphParams(ctx);
    if (params.grant_type !== 'authorization_code') return instagramOAuthError(ctx, 'Invalid grant_type: only authorization_code is supported.');
    try {
      const issued = sim.store.exchangeCode({ code: params.code, clientId: params.client_id, clientSecret: params.client_secret ?? '', redirectUri: params.redirect_uri });
      const grant = sim.store.authenticateToken(issued.accessToken);
      const person = grant.ok ? sim.directory.get(grant.grant.subject) : undefined;
      ctx.body = { access_token: issued.accessToken, user_id: Number(person!.id), permissions: issued.scopes.join(',') };
    } catch (error) {
      if (!(error instanceof SimOAuthError)) throw error;
      instagramOAuthError(ctx, error.error === 'invalid_client' ? 'Invalid platform app' : 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request');
    }
  });

  registerLongLivedTokenRoutes(router, sim, tokens, ROOT, { exchange: 'ig_exchange_token', refresh: 'ig_refresh_token' });
}
