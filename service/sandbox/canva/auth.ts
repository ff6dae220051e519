import type { Context } from 'koa';
import type { SimPerson } from '../networks/kit/directory.js';
import type { Directory } from '../networks/kit/directory.js';
import type { OAuthStore } from '../networks/kit/oauth-store.js';
import { canvaError } from './world.js';

/**
 * Wraps an API handler: a live bearer token carrying `scope` (none: any valid token, as users/me),
 * and the person it belongs to. Canva answers 401 `invalid_access_token` (or `revoked_access_token`)
 * and 403 `missing_scope`.
 */
export function authed(sim: { store: OAuthStore; directory: Directory }, scope: string | null, handler: (ctx: Context, person: SimPerson) => unknown) {
  return async (ctx: Context) => {
    const auth = sim.store.authenticate(ctx.get('authorization'));
    if (!auth.ok) {
      if (auth.reason === 'revoked') return canvaError(ctx, 401, 'revoked_access_token', 'Access token has been revoked');
      return canvaError(ctx, 401, 'invalid_access_token', auth.reason === 'expired' ? 'Access token expired' : 'Access token is invalid');
    }
    const person = sim.directory.get(auth.grant.subject);
    if (!person) return canvaError(ctx, 401, 'invalid_access_token', 'Access token is invalid');
    if (scope && !auth.grant.scopes.includes(scope)) return canvaError(ctx, 403, 'missing_scope', `Missing scopes: [${scope}]`);
    await handler(ctx, person);
  };
}
