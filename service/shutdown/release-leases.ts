import { hostname } from 'node:os';
import type { Knex } from 'knex';
import { WORKER as INTEGRATION_REFRESH_OWNER } from '../imports/fresh-token.js';
import { WORKER as ACCOUNT_REFRESH_OWNER } from '../jobs/refresh-account-tokens.js';
import { INSTANCE_ID } from '../lib/instance-id.js';

/** Rows whose lease this process gave back, per table. */
export type ReleasedLeases = Record<'postTargets' | 'emailOutbox' | 'connectedAccounts' | 'integrationConnections' | 'dataExports' | 'imports', number>;

/**
 * Gives back every lease this process still holds once its work has stopped (or the shutdown deadline
 * cut it off), so another instance takes the rows at once instead of after the lease runs out
 * (10 minutes for a publish):
 * - a target still 'publishing' under this worker may have reached the network: it becomes
 *   'unconfirmed' with the attempt recorded, exactly as an expired lease would (publisher/claim.ts),
 *   so the reconcile job asks the network before anything is sent again — never a blind resend;
 * - an email still 'sending' goes back to 'pending' (its row id is the provider's idempotency key, so a
 *   second send is still one email);
 * - token refresh leases are simply cleared (lib/refresh-lease.ts);
 * - a data export being built is queued again (its next build writes the archive anew), the attempt
 *   not counted: the shutdown was not the export's fault;
 * - an import keeps its stage (an export already started at Canva is polled, not started again) and
 *   loses only its lock, the attempt not counted either.
 * Exports and imports name their runs after this process (`${INSTANCE_ID}:…`), hence the prefix.
 */
export async function releaseLeases(
  knex: Knex,
  owners: { publisher?: string; accountRefresh?: string; integrationRefresh?: string; emailPrefix?: string } = {},
): Promise<ReleasedLeases> {
  const publisher = owners.publisher ?? INSTANCE_ID;
  const runsOfThisProcess = likePrefix(`${publisher}:`);
  // The outbox sender names its leases host:pid:run (email/send-outbox.ts): this process's prefix.
  const emailPrefix = owners.emailPrefix ?? `${hostname()}:${process.pid}:`;
  const { rows } = await knex.raw<{ rows: Array<{ id: string }> }>(
    `with mine as (
       update post_targets t
          set status = 'unconfirmed', lease_owner = null, lease_expires_at = null, run_at = now(),
              failure_kind = 'unknown_outcome', updated_at = now()
         from (select id, lease_owner from post_targets where status = 'publishing' and lease_owner = :owner for update) old
        where t.id = old.id
       returning t.id, old.lease_owner
     ),
     lost as (
       insert into publish_attempts (target_id, started_at, outcome, failure_kind, vendor_message, worker)
       select id, now(), 'unconfirmed', 'unknown_outcome', 'The service shut down before this attempt recorded its outcome.', lease_owner from mine
     )
     select id from mine`,
    { owner: publisher },
  );
  const emailOutbox = await knex('emailOutbox')
    .where('status', 'sending')
    .whereRaw(`lease_owner like ? escape '\\'`, [likePrefix(emailPrefix)])
    .update({ status: 'pending', leaseOwner: null, leaseExpiresAt: null });
  const released = { refreshLeaseOwner: null, refreshLeaseExpiresAt: null };
  const connectedAccounts = await knex('connectedAccounts').where('refreshLeaseOwner', owners.accountRefresh ?? ACCOUNT_REFRESH_OWNER).update(released);
  const integrationConnections = await knex('integrationConnections').where('refreshLeaseOwner', owners.integrationRefresh ?? INTEGRATION_REFRESH_OWNER).update(released);
  const dataExports = await knex('dataExports')
    .where('status', 'building')
    .whereRaw(`lease_owner like ? escape '\\'`, [runsOfThisProcess])
    .update({ status: 'queued', leaseOwner: null, leaseExpiresAt: null, itemsDone: 0, itemsTotal: null, attempts: knex.raw('greatest(attempts - 1, 0)') });
  const imports = await knex('imports')
    .whereNotIn('status', ['done', 'failed'])
    .whereRaw(`locked_by like ? escape '\\'`, [runsOfThisProcess])
    .update({ lockedBy: null, lockedUntil: null, attempts: knex.raw('greatest(attempts - 1, 0)'), updatedAt: knex.fn.now() });
  return { postTargets: rows.length, emailOutbox, connectedAccounts, integrationConnections, dataExports, imports };
}

/** A LIKE pattern for values starting with `prefix` (its own %, _ and backslash taken literally). */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
