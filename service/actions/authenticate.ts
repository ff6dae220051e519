import type { Knex } from 'knex';
import type { Role } from '#shared/roles.js';
import { runPrepared } from '../db/prepared.js';
import { keyedHash, looksLikeSessionToken } from '../lib/tokens.js';

/** The outcome of presenting a bearer token. */
export type Authentication =
  | { status: 'unknown' }
  | { status: 'ended' }
  | {
      status: 'ok';
      sessionId: string;
      user: { id: string; firstName: string; lastName: string };
      /** Whether the person verified their email address (endpoints marked `verifiedEmail` need it). */
      emailVerified: boolean;
      /** A material change to the Terms or Privacy Policy waits for the person's acceptance (those endpoints need it too). */
      legalAcceptanceDue: boolean;
      /** The person asked to delete their account and it is cooling off (P17): those endpoints are closed to them. */
      deletionPending: boolean;
      /** The caller's role in the asked-for workspace; null when not a member or no such workspace. */
      role: Role | null;
    };

/** The columns of a session (and membership) lookup, as `AUTH_SELECT` names them. */
export interface AuthRow {
  sessionId: string;
  userId: string;
  firstName: string;
  lastName: string;
  emailVerified: boolean;
  legalAcceptanceDue: boolean;
  deletionPending: boolean;
  lastUsedAt: Date;
  ended: boolean;
  role: Role | null;
}

// One statement for both kinds of endpoint: with $2 null (no workspace in the URL) the membership
// join matches nothing. Prepared once per connection (see runPrepared): this runs on every request.
/** The session lookup, with the token hash and the workspace id as the given SQL parameters. */
export const authSelect = (tokenParam: string, workspaceParam: string) => `
  select s.id as "sessionId", s.user_id as "userId", u.first_name as "firstName", u.last_name as "lastName",
         (u.email_verified_at is not null) as "emailVerified", (u.legal_acceptance_due_at is not null) as "legalAcceptanceDue",
         (u.deletion_due_at is not null) as "deletionPending",
         s.last_used_at as "lastUsedAt", (s.revoked_at is not null or s.expires_at <= now()) as "ended",
         m.role as "role"
  from sessions s
  join users u on u.id = s.user_id
  left join memberships m on m.user_id = s.user_id and m.workspace_id = ${workspaceParam}::uuid
  where s.token_hash = ${tokenParam}`;

// "Last used" is for the sessions list, not an audit trail: writing it at most once a minute keeps a
// busy client from turning every read into a write.
const TOUCH_AFTER_MS = 60_000;

/**
 * Resolves a token, and when `workspaceId` is given the caller's membership there, in ONE query: the
 * capture path is benchmarked, and answering "not a member" and "no such workspace" from the same
 * query keeps them indistinguishable (P14).
 */
export async function authenticate(
  knex: Knex,
  appSecret: string,
  token: string,
  workspaceId: string | null,
): Promise<Authentication> {
  if (!looksLikeSessionToken(token)) return { status: 'unknown' };
  const [row] = await runPrepared<AuthRow>(knex, 'minopa_authenticate', authSelect('$1', '$2'), [keyedHash(appSecret, token), workspaceId]);
  return await toAuthentication(knex, row);
}

/** What a session lookup row means; keeps "last used" fresh (at most one write a minute). */
export async function toAuthentication(knex: Knex, row: AuthRow | undefined): Promise<Authentication> {
  if (!row) return { status: 'unknown' };
  if (row.ended) return { status: 'ended' };
  if (Date.now() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await knex('sessions')
      .where('id', row.sessionId)
      .where('lastUsedAt', '<', knex.raw(`now() - interval '1 minute'`))
      .update({ lastUsedAt: knex.fn.now() });
  }
  return {
    status: 'ok',
    sessionId: row.sessionId,
    user: { id: row.userId, firstName: row.firstName, lastName: row.lastName },
    emailVerified: row.emailVerified,
    legalAcceptanceDue: row.legalAcceptanceDue,
    deletionPending: row.deletionPending,
    role: row.role,
  };
}
