import type { Context } from 'koa';
import type { SimPerson } from '../kit/directory.js';
import type { NetworkSimulator } from '../kit/types.js';
import { googleError } from './world.js';

/** Wraps an API handler: a live bearer token, else Google's 401 `authError` (UNAUTHENTICATED). */
export function authed(sim: Pick<NetworkSimulator, 'store' | 'directory'>, handler: (ctx: Context, person: SimPerson) => unknown) {
  return async (ctx: Context) => {
    const auth = sim.store.authenticate(ctx.get('authorization'));
    const person = auth.ok ? sim.directory.get(auth.grant.subject) : undefined;
    if (!person) return googleError(ctx, 401, 'authError', 'Request had invalid authentication credentials. Expected OAuth 2 access token.', 'global');
    await handler(ctx, person);
  };
}
