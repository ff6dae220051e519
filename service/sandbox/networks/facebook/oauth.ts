import type Router from '@koa/router';
import { SANDBOX_ENDPOINTS } from '../../../platforms/settings.js';
import type { AppState } from '../../../context.js';
import { registerConsent } from '../kit/consent.js';
import { SimOAuthError } from '../kit/oauth-store.js';
import type { NetworkSimulator } from '../kit/types.js';
import { graphGrant } from '../meta/auth.js';
import { graphError } from '../meta/graph-error.js';
import { graphParams } from '../meta/params.js';
import type { MetaTokens } from '../meta/tokens.js';

const PATHS = SANDBOX_ENDPOINTS.facebook;

/**
 * Facebook Login: the dialog (comma-separated scopes), the token endpoint answering both the code
 * exchange and `grant_type=fb_exchange_token` (GET, parameters in the query, as Graph documents it),
 * `/me/permissions` to read what was granted and DELETE it to remove the app.
 */
export function registerFacebookOAuth(router: Router<AppState>, sim: NetworkSimulator, tokens: MetaTokens): void {
  registerConsent(router, { networkName: 'Facebook', path: PATHS.authorizeUrl, store: sim.store, directory: sim.directory, scopeSeparator: ',' });

  router.all(PATHS.tokenUrl, (ctx) => {
    const params = graphParams(ctx);
    try {
      if (params.grant_type === 'fb_exchange_token') {
        sim.store.client(params.client_id, params.client_secret ?? '');
        const long = tokens.longLivedFor(params.fb_exchange_token ?? '');
        if (!long) return graphError(ctx, 400, 190, 'Error validating access token: the token to exchange is invalid or expired.', { type: 'OAuthException' });
        ctx.body = { access_token: long.accessToken, token_type: 'bearer', expires_in: long.expiresIn };
        return;
      }
      sim.store.client(params.client_id, params.client_secret ?? '');
      const issued = sim.store.exchangeCode({ code: params.code, clientId: params.client_id, clientSecret: params.client_secret, redirectUri: params.redirect_uri });
      ctx.body = { access_token: issued.accessToken, token_type: 'bearer', expires_in: issued.expiresIn };
    } catch (error) {
      if (!(error instanceof SimOAuthError)) throw error;
      // Graph reports a bad code as code 100 (subcode 36007 for a used one), a bad client as 101.
      graphError(ctx, 400, error.error === 'invalid_client' ? 101 : 100, error.description, { type: 'OAuthException', subcode: error.error === 'invalid_grant' ? 36007 : undefined });
    }
  });

  router.get(PATHS.revokeUrl!, (ctx) => {
    const grant = graphGrant(ctx, sim.store);
    if (!grant) return;
    ctx.body = { data: grant.scopes.map((permission) => ({ permission, status: 'granted' })) };
  });

  router.delete(PATHS.revokeUrl!, (ctx) => {
    const grant = graphGrant(ctx, sim.store);
    if (!grant) return;
    if (grant.subject.startsWith('page:')) return graphError(ctx, 400, 100, 'Permissions can only be removed with a user access token.');
    tokens.revokeSubject(grant.subject);
    ctx.body = { success: true };
  });
}
