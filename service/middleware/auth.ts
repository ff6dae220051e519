import type { Endpoint } from '#shared/api/endpoints.js';
import { Id } from '#shared/api/common.js';
import { roleAllows } from '#shared/roles.js';
import { authenticate } from '../actions/authenticate.js';
import type { AppDeps, AppMiddleware } from '../context.js';
import { HttpError } from '../errors.js';

/**
 * Enforces an endpoint's `auth`: a bearer session for 'session', plus membership with at least `role`
 * in `:workspaceId` for 'member' (P24). A missing or unknown token is 401 unauthenticated, an expired or
 * revoked one 401 session_expired. Not a member and no such workspace are the same 404 (P14); a member
 * whose role is too weak gets 403. Endpoints marked `verifiedEmail` (publishing, inviting) also need a
 * verified email address: 403 email_not_verified otherwise (drafts can be captured before verifying).
 */
export function requireAuth(endpoint: Endpoint, deps: AppDeps): AppMiddleware {
  if (endpoint.auth === 'none') return (_ctx, next) => next();
  const { knex } = deps.db;
  const { appSecret } = deps.config;
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new HttpError('unauthenticated');
    let workspaceId: string | null = null;
    if (endpoint.auth === 'member') {
      const parsed = Id.safeParse(ctx.params.workspaceId);
      // An id that cannot exist still needs the session checked first (401 before 404).
      workspaceId = parsed.success ? parsed.data : '00000000-0000-0000-0000-000000000000';
    }
    const result = await authenticate(knex, appSecret, match[1]!, workspaceId);
    if (result.status === 'unknown') throw new HttpError('unauthenticated');
    if (result.status === 'ended') throw new HttpError('session_expired');
    const session = { sessionId: result.sessionId, user: result.user };
    if (endpoint.auth === 'member') {
      if (result.role === null || workspaceId === null) throw new HttpError('not_found');
      if (!roleAllows(result.role, endpoint.role ?? 'owner')) {
        throw new HttpError('forbidden', `Your role in this workspace (${result.role}) does not allow that; it needs ${endpoint.role ?? 'owner'} or higher.`);
      }
      ctx.state.auth = { ...session, workspaceId, role: result.role };
    } else {
      ctx.state.auth = session;
    }
    // After the membership check, so a stranger to the workspace still gets the same 404 (P14).
    if (endpoint.verifiedEmail && !result.emailVerified) throw new HttpError('email_not_verified');
    await next();
  };
}
