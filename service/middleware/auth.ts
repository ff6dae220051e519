import type { Endpoint } from '#shared/api/endpoints.js';
import { Id } from '#shared/api/common.js';
import { bilingual } from '#shared/i18n.js';
import { ROLES, roleAllows, type Role } from '#shared/roles.js';
import { authenticate, type Authentication } from '../actions/authenticate.js';
import type { AppDeps, AppMiddleware, MemberAuth, SessionAuth } from '../context.js';
import { HttpError } from '../errors.js';
import { keyedHash, looksLikeSessionToken } from '../lib/tokens.js';

// A workspace id that cannot exist: a malformed one still needs the session checked first (401 before 404).
const NO_WORKSPACE = '00000000-0000-0000-0000-000000000000';

/**
 * Authentication that an action resolves inside its own write statement (one round trip on the
 * hot capture path): the statement inserts only when the session is live and the role allows
 * (`allowedRoles`), and hands its session row to `settle`, which answers exactly as `requireAuth` would.
 */
export interface DeferredAuth {
  workspaceId: string;
  /** The token's keyed hash, compared with `sessions.token_hash`. */
  tokenHash: string;
  allowedRoles: Role[];
  settle(result: Authentication): MemberAuth;
}

/**
 * Enforces an endpoint's `auth`: a bearer session for 'session', plus membership with at least `role`
 * in `:workspaceId` for 'member' (P24). A missing or unknown token is 401 unauthenticated, an expired or
 * revoked one 401 session_expired. Not a member and no such workspace are the same 404 (P14); a member
 * whose role is too weak gets 403. Endpoints marked `verifiedEmail` (publishing, inviting) also need a
 * verified email address: 403 email_not_verified otherwise (drafts can be captured before verifying),
 * and no material change to the legal documents waiting for acceptance: 403 legal_acceptance_required.
 *
 * With `deferred`, the check is left to the action's own statement (`ctx.state.deferredAuth`); should the
 * request fail before that statement ran (bad JSON, invalid fields), the session is checked then, so the
 * answers and their order stay exactly those of every other endpoint.
 */
export function requireAuth(endpoint: Endpoint, deps: AppDeps, options: { deferred?: boolean } = {}): AppMiddleware {
  if (endpoint.auth === 'none') return (_ctx, next) => next();
  const { knex } = deps.db;
  const { appSecret } = deps.config;
  return async (ctx, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(ctx.get('authorization'));
    if (!match) throw new HttpError('unauthenticated');
    const token = match[1]!;
    let workspaceId: string | null = null;
    if (endpoint.auth === 'member') {
      const parsed = Id.safeParse(ctx.params.workspaceId);
      workspaceId = parsed.success ? parsed.data : NO_WORKSPACE;
    }
    if (options.deferred && workspaceId !== null && looksLikeSessionToken(token)) {
      let settled = false;
      ctx.state.deferredAuth = {
        workspaceId,
        tokenHash: keyedHash(appSecret, token),
        allowedRoles: ROLES.filter((role) => roleAllows(role, endpoint.role ?? 'owner')),
        settle(result) {
          settled = true;
          return authorize(endpoint, workspaceId, result) as MemberAuth;
        },
      } satisfies DeferredAuth;
      try {
        await next();
      } catch (error) {
        if (!settled) authorize(endpoint, workspaceId, await authenticate(knex, appSecret, token, workspaceId));
        throw error;
      }
      return;
    }
    ctx.state.auth = authorize(endpoint, workspaceId, await authenticate(knex, appSecret, token, workspaceId));
    await next();
  };
}

/** The caller, or the error the endpoint answers with; one set of rules for both paths above. */
function authorize(endpoint: Endpoint, workspaceId: string | null, result: Authentication): SessionAuth | MemberAuth {
  if (result.status === 'unknown') throw new HttpError('unauthenticated');
  if (result.status === 'ended') throw new HttpError('session_expired');
  const session: SessionAuth = { sessionId: result.sessionId, user: result.user };
  let auth: SessionAuth | MemberAuth = session;
  if (endpoint.auth === 'member') {
    if (result.role === null || workspaceId === null) throw new HttpError('not_found');
    if (!roleAllows(result.role, endpoint.role ?? 'owner')) {
      throw new HttpError('forbidden', bilingual(
        { en: 'Your role in this workspace ({role}) does not allow that; it needs {needed} or higher.', de: 'Ihre Rolle in diesem Arbeitsbereich ({role}) erlaubt das nicht; dafür braucht es {needed} oder höher.' },
        { role: result.role, needed: endpoint.role ?? 'owner' },
      ));
    }
    auth = { ...session, workspaceId, role: result.role };
  }
  // After the membership check, so a stranger to the workspace still gets the same 404 (P14).
  if (endpoint.verifiedEmail && !result.emailVerified) throw new HttpError('email_not_verified');
  // Publishing and inviting wait for acceptance of a material change to the Terms or Privacy Policy (P12);
  // reading, capturing and exercising one's rights do not.
  if (endpoint.verifiedEmail && result.legalAcceptanceDue) throw new HttpError('legal_acceptance_required');
  // An account cooling off before deletion keeps reading, exporting and cancelling, but publishes nothing (P17).
  if (endpoint.verifiedEmail && result.deletionPending) throw new HttpError('account_deletion_pending');
  return auth;
}
