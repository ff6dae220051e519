import type { Context } from 'koa';
import type { SimPerson } from '../kit/directory.js';
import type { NetworkSimulator } from '../kit/types.js';
import { pinterestError } from './world.js';

/**
 * Wraps an API handler: the bearer token must be live, and the handler gets the person it belongs to.
 * An expired, revoked or unknown token gets Pinterest's 401 `{code: 2, message: "Authentication failed."}`.
 */
export function authed(sim: Pick<NetworkSimulator, 'store' | 'directory'>, handler: (ctx: Context, person: SimPerson) => unknown) {
  return async (ctx: Context) => {
    const auth = sim.store.authenticate(ctx.get('authorization'));
    const person = auth.ok ? sim.directory.get(auth.grant.subject) : undefined;
    if (!person) return pinterestError(ctx, 401, 2, 'Authentication failed.');
    await handler(ctx, person);
  };
}
