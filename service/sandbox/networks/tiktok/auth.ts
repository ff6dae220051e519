import type { Context } from 'koa';
import type { SimPerson } from '../kit/directory.js';
import type { NetworkSimulator } from '../kit/types.js';
import { tiktokError } from './world.js';

/** Wraps an API handler: a live bearer token, else TikTok's 401 `access_token_invalid`. */
export function authed(sim: Pick<NetworkSimulator, 'store' | 'directory'>, handler: (ctx: Context, person: SimPerson) => unknown) {
  return async (ctx: Context) => {
    const auth = sim.store.authenticate(ctx.get('authorization'));
    const person = auth.ok ? sim.directory.get(auth.grant.subject) : undefined;
    if (!person) return tiktokError(ctx, 401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
    await handler(ctx, person);
  };
}
