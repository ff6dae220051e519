import type { Knex } from 'knex';
import { runPrepared } from '../db/prepared.js';
import type { ClaimedTarget } from './types.js';

/** What a claim needs: whose lease, how long, how many. */
export interface ClaimOptions {
  owner: string;
  leaseMs: number;
  limit: number;
}

/**
 * Leases that expired (their worker crashed or stalled) become 'unconfirmed': the attempt may have
 * reached the network, so the reconcile job asks it before anything is sent again — never straight back
 * to publish. The lost attempt is recorded in the name of the worker that held it. The first CTE of the
 * reconcile claim, the one these targets go to next: it runs every 10 s, not with every 200 ms poll of
 * the publish claim, which it made 15–20 % slower (bench: `npm run bench -- publisher`). Swept targets
 * are due at once and the reconcile run's next claim takes them.
 */
const SWEEP_EXPIRED_LEASES = `
  expired as (
    update post_targets t
       set status = 'unconfirmed', lease_owner = null, lease_expires_at = null, run_at = now(),
           failure_kind = 'unknown_outcome', updated_at = now()
      from (select id, lease_owner, lease_expires_at from post_targets
             where status = 'publishing' and lease_expires_at <= now()
             limit :limit
             for update skip locked) old
     where t.id = old.id
    returning t.id, old.lease_owner, old.lease_expires_at
  ),
  lost_attempts as (
    insert into publish_attempts (target_id, started_at, outcome, failure_kind, vendor_message, worker)
    select id, least(now(), lease_expires_at - :leaseMs * interval '1 millisecond'), 'unconfirmed', 'unknown_outcome',
           'The worker publishing this stopped before recording the outcome (its lease expired).', lease_owner
      from expired
  )`;

const RETURNING = `
  returning id, post_id as "postId", account_id as "accountId", platform, overrides, progress,
            attempts, reconcile_checks as "reconcileChecks", idempotency_key as "idempotencyKey",
            cast(extract(epoch from due_at) * 1000 as float8) as "dueAtMs"`;

/**
 * The publisher's claim (DESIGN.md convention 5): ONE statement that leases up to `limit` due 'scheduled'
 * targets, oldest run_at first, with FOR UPDATE SKIP LOCKED — any number of processes claim at once and
 * never get the same row. Each claimed target becomes 'publishing' with the caller's lease and one more
 * attempt.
 */
export async function claimDueTargets(knex: Knex, options: ClaimOptions): Promise<ClaimedTarget[]> {
  return runPrepared<ClaimedTarget>(knex, 'minopa_claim_due_targets', CLAIM_DUE_SQL, [options.owner, options.leaseMs, options.limit]);
}

// Prepared once per connection (see runPrepared): the claim runs every 200 ms of every process, and
// under a burst back to back.
const CLAIM_DUE_SQL = `
  update post_targets
     set status = 'publishing', lease_owner = $1, lease_expires_at = now() + $2 * interval '1 millisecond',
         attempts = attempts + 1, updated_at = now()
   where id in (
     select id from post_targets
      where status = 'scheduled' and run_at <= now()
      order by run_at
      limit $3
      for update skip locked)
  ${RETURNING}`;

/**
 * The reconcile job's claim: sweeps expired leases (above), then leases due 'unconfirmed' targets the
 * same way ('publishing' with the caller's lease; attempts unchanged, since asking is not publishing).
 * `sinceMs` is the earliest start of any attempt (or the due time), the window the adapter searches the
 * account's posts in.
 */
export async function claimUnconfirmedTargets(knex: Knex, options: ClaimOptions): Promise<ClaimedTarget[]> {
  const { rows } = await knex.raw<{ rows: ClaimedTarget[] }>(
    `with ${SWEEP_EXPIRED_LEASES}
     update post_targets t
        set status = 'publishing', lease_owner = :owner, lease_expires_at = now() + :leaseMs * interval '1 millisecond', updated_at = now()
      where id in (
        select id from post_targets
         where status = 'unconfirmed' and run_at <= now()
         order by run_at
         limit :limit
         for update skip locked)
     ${RETURNING},
       cast(extract(epoch from least(t.due_at, (select min(a.started_at) from publish_attempts a where a.target_id = t.id))) * 1000 as float8) as "sinceMs"`,
    { ...options },
  );
  return rows;
}

/**
 * Hands claimed targets that never started back (shutdown): 'scheduled' again, the attempt not counted.
 * Only rows this owner still holds.
 */
export async function releaseClaims(knex: Knex, owner: string, targets: readonly ClaimedTarget[], status: 'scheduled' | 'unconfirmed'): Promise<void> {
  if (targets.length === 0) return;
  await knex('postTargets')
    .whereIn(
      'id',
      targets.map((target) => target.id),
    )
    .where({ leaseOwner: owner, status: 'publishing' })
    .update({
      status,
      leaseOwner: null,
      leaseExpiresAt: null,
      attempts: status === 'scheduled' ? knex.raw('greatest(attempts - 1, 0)') : knex.raw('attempts'),
      updatedAt: knex.fn.now(),
    });
}
