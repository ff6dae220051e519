import type { Knex } from 'knex';
import { deleteInBatches } from './erase-account.js';

/** P19: legal acceptance records are kept until account deletion + 5 years. */
export const LEGAL_ACCEPTANCE_YEARS_AFTER_DELETION = 5;

/**
 * What each purge removes. Expired credentials are kept a little past their end where the service still
 * answers them with a specific message ("this link expired", "your session ended"); after that an unknown
 * token gets the generic answer, which is just as safe.
 */
export const RETENTION_RULES: ReadonlyArray<{ name: string; table: string; condition: string }> = [
  // Sessions: 30 days after they ended, so a client signed out meanwhile still hears "session expired".
  { name: 'sessions', table: 'sessions', condition: `coalesce(revoked_at, expires_at) < now() - interval '30 days' and (revoked_at is not null or expires_at < now())` },
  // Email verification, password reset and email change links: a week after use or expiry.
  { name: 'account tokens', table: 'account_tokens', condition: `coalesce(used_at, expires_at) < now() - interval '7 days' and (used_at is not null or expires_at < now())` },
  // OAuth round trips of connecting a network or an integration, and of Google sign-in: a day after they expired.
  { name: 'connect requests', table: 'connect_requests', condition: `expires_at < now() - interval '1 day'` },
  { name: 'Google sign-in requests', table: 'google_login_requests', condition: `expires_at < now() - interval '1 day'` },
  { name: 'Drive picker links', table: 'drive_picker_links', condition: `coalesce(used_at, expires_at) < now() - interval '1 day' and (used_at is not null or expires_at < now())` },
  // Invitations nobody accepted: 30 days after they expired or were revoked (they hold the invited address, P3).
  { name: 'invitations', table: 'invitations', condition: `accepted_at is null and coalesce(revoked_at, expires_at) < now() - interval '30 days' and (revoked_at is not null or expires_at < now())` },
  // Pseudonymised legal acceptances: 5 years after the account was deleted (P19).
  { name: 'legal acceptances', table: 'legal_acceptances', condition: `account_deleted_at < now() - interval '${LEGAL_ACCEPTANCE_YEARS_AFTER_DELETION} years'` },
];

/**
 * Applies every rule, a batch at a time (each batch its own short statement, rows locked by anyone else
 * skipped until the next run), so a purge never holds long locks. Answers how many rows each rule removed.
 * Usage events (26 months), billing records (7 years) and export archives (7 days) have purges of their own.
 */
export async function purgeExpiredRecords(knex: Knex, options: { signal?: AbortSignal; batch?: number } = {}): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const rule of RETENTION_RULES) {
    if (options.signal?.aborted) break;
    counts[rule.name] = await deleteInBatches(knex, rule.table, rule.condition, [], options.batch ?? undefined);
  }
  return counts;
}
