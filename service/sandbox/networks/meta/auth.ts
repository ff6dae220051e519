import type { Context } from 'koa';
import type { SimPerson } from '../kit/directory.js';
import type { Grant, OAuthStore } from '../kit/oauth-store.js';
import type { NetworkSimulator } from '../kit/types.js';
import { graphError } from './graph-error.js';
import { graphParams } from './params.js';

/**
 * The grant behind a Graph request's token (`access_token` parameter or `Authorization: Bearer|OAuth`),
 * or null after answering Graph's OAuthException as Meta does: HTTP 400, code 190 with subcode 463 for an
 * expired session and 458 for a removed app.
 */
export function graphGrant(ctx: Context, store: OAuthStore): Grant | null {
  const header = ctx.get('authorization').match(/^(?:Bearer|OAuth)\s+(.+)$/i)?.[1];
  const token = header ?? graphParams(ctx).access_token;
  if (!token) {
    graphError(ctx, 400, 2500, 'An active access token must be used to query information about the current user.', { type: 'OAuthException' });
    return null;
  }
  const auth = store.authenticateToken(token);
  if (auth.ok) return auth.grant;
  if (auth.reason === 'expired') graphError(ctx, 400, 190, 'Error validating access token: Session has expired.', { subcode: 463 });
  else if (auth.reason === 'revoked') graphError(ctx, 400, 190, 'Error validating access token: The user has not authorized application.', { subcode: 458 });
  else graphError(ctx, 400, 190, 'Invalid OAuth access token - Cannot parse access token');
  return null;
}

/**
 * The person a request acts as (Instagram and Threads tokens belong to one account), checked against
 * the `{user-id}` of the path (`me` allowed). Null after answering the error.
 */
export function graphPerson(ctx: Context, sim: Pick<NetworkSimulator, 'store' | 'directory'>, userId?: string): SimPerson | null {
  const grant = graphGrant(ctx, sim.store);
  if (!grant) return null;
  const person = sim.directory.get(grant.subject);
  if (!person) {
    graphError(ctx, 400, 190, 'Invalid OAuth access token - Cannot parse access token');
    return null;
  }
  if (userId !== undefined && userId !== 'me' && userId !== person.id) {
    graphError(ctx, 400, 100, `Unsupported request - method type: ${ctx.method.toLowerCase()}: object '${userId}' does not exist or this token cannot act as it`);
    return null;
  }
  return person;
}
