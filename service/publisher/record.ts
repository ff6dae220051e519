import type { Knex } from 'knex';
import { batchedStatement } from '../db/batched-statement.js';
import { markReconnectNeeded } from '../actions/mark-account-reconnect.js';
import { attemptOutcomeOf, type TargetOutcome } from './outcome.js';
import { refreshPostStatus } from '../actions/refresh-post-status.js';
import type { ClaimedTarget } from './types.js';

/** Who recorded, and when the attempt began. */
export interface AttemptMeta {
  owner: string;
  startedAt: Date;
}

/**
 * Records one attempt's outcome (the publisher's hot path: every round trip here is a database connection
 * held while other targets wait). The outcomes of targets finishing together are written by ONE statement
 * (RECORD_BATCH_SQL, through a NaturalBatcher: a lone outcome goes at once, those arriving while a batch
 * runs share the next), which for each sets the target's new status, guarded by the lease (only the worker
 * that holds it may change the target); inserts the attempt row (always, for the history); and, when the
 * target was the post's only one, sets the post's status. A post with other targets then has its status
 * refreshed under the post's row lock, as the scheduling actions do, so targets finishing together each see
 * the other's result. An account the network refused is marked for reconnecting (its owners and admins
 * told once).
 *
 * `published` writes remote_id and the status together, so remote_id is never missing from a published
 * target. A worker that published but lost its lease meanwhile still records the remote id if no other
 * worker holds the target (it is unconfirmed or queued again): it knows the answer the reconcile job
 * would have to ask for. A 'lost' outcome records only the attempt. Returns false when nothing but the
 * attempt was recorded.
 */
export async function recordOutcome(knex: Knex, target: Pick<ClaimedTarget, 'id' | 'postId' | 'accountId'>, outcome: TargetOutcome, meta: AttemptMeta): Promise<boolean> {
  const { updated, withSiblings } = await recordBatcher(knex).submit(recordRow(target.id, outcome, meta));
  if (!updated) return false;
  if (withSiblings) {
    await knex.transaction(async (trx) => {
      await trx('posts').where('id', target.postId).forUpdate().first('id');
      await refreshPostStatus(trx, target.postId);
    });
  }
  if (outcome.status === 'failed' && outcome.error.kind === 'auth') await markReconnectNeeded(knex, target.accountId, outcome.error.message);
  return true;
}

/** One outcome as a row of RECORD_BATCH_SQL's input (null: keep the target's column as it is). */
interface RecordRow {
  id: string;
  owner: string;
  started_at: string;
  attempt_outcome: string;
  failure_kind: string | null;
  http_status: number | null;
  vendor_code: string | null;
  vendor_message: string | null;
  request_id: string | null;
  /** False for a lost lease: only the attempt is recorded. */
  record_target: boolean;
  status: string;
  published: boolean;
  remote_id: string | null;
  remote_url: string | null;
  failure_message: string | null;
  run_at: string | null;
  reconcile_checks: number | null;
  refund_attempt: boolean;
}

/** What the statement answers for each outcome, in input order. */
interface RecordResult {
  updated: boolean;
  withSiblings: boolean;
}

function recordRow(id: string, outcome: TargetOutcome, meta: AttemptMeta): RecordRow {
  const published = outcome.status === 'published';
  const error = published ? null : outcome.error;
  return {
    id,
    owner: meta.owner,
    started_at: meta.startedAt.toISOString(),
    attempt_outcome: attemptOutcomeOf(outcome),
    failure_kind: error?.kind ?? null,
    http_status: error?.details.httpStatus ?? null,
    vendor_code: error?.details.vendorCode ?? null,
    vendor_message: error ? (error.details.vendorMessage ?? error.message) : null,
    request_id: error?.details.requestId ?? null,
    record_target: outcome.status !== 'lost',
    status: outcome.status,
    published,
    remote_id: published ? outcome.result.remoteId : null,
    remote_url: published ? outcome.result.url : null,
    failure_message: error?.message ?? null,
    run_at: outcome.status === 'scheduled' || outcome.status === 'unconfirmed' ? outcome.runAt.toISOString() : null,
    reconcile_checks: outcome.status === 'unconfirmed' ? outcome.reconcileChecks : outcome.status === 'failed' ? null : 0,
    refund_attempt: outcome.status === 'scheduled' && outcome.refundAttempt,
  };
}

/** Counted targets of the post other than this one (drafted and cancelled ones do not count). */
const SIBLINGS = `select 1 from post_targets o where o.post_id = t.post_id and o.id <> t.id and o.status not in ('draft', 'cancelled')`;

// The batch as jsonb rows (batchedStatement). Two outcomes of one target never share a batch (the
// batcher's key), as an UPDATE … FROM changes a row once whatever joins it.
const RECORD_BATCH_SQL = `
  with input as (
    select * from jsonb_to_recordset($1::jsonb) as i(
      n int, id uuid, owner text, started_at timestamptz, attempt_outcome text, failure_kind text, http_status int,
      vendor_code text, vendor_message text, request_id text, record_target boolean, status text, published boolean,
      remote_id text, remote_url text, failure_message text, run_at timestamptz, reconcile_checks int, refund_attempt boolean)
  ),
  t as (
    update post_targets pt set
      status = i.status, lease_owner = null, lease_expires_at = null, updated_at = now(),
      remote_id = case when i.published then i.remote_id else pt.remote_id end,
      remote_url = case when i.published then i.remote_url else pt.remote_url end,
      published_at = case when i.published then now() else pt.published_at end,
      failure_kind = i.failure_kind, failure_code = i.vendor_code, failure_message = i.failure_message,
      run_at = coalesce(i.run_at, pt.run_at),
      reconcile_checks = coalesce(i.reconcile_checks, pt.reconcile_checks),
      attempts = case when i.refund_attempt then greatest(pt.attempts - 1, 0) else pt.attempts end
      from input i
     where pt.id = i.id and i.record_target
       and ((pt.lease_owner = i.owner and pt.status = 'publishing') or (i.published and pt.status in ('unconfirmed', 'scheduled')))
    returning pt.id, pt.post_id, pt.status
  ),
  attempt as (
    insert into publish_attempts (target_id, started_at, outcome, failure_kind, http_status, vendor_code, vendor_message, vendor_request_id, worker)
    select id, started_at, attempt_outcome, failure_kind, http_status, vendor_code, vendor_message, request_id, owner from input order by n
  ),
  only_target as (
    update posts p set status = t.status, updated_at = now()
      from t
     where p.id = t.post_id and t.status in ('published', 'failed') and p.status <> 'archived' and p.status <> t.status
       and not exists (${SIBLINGS})
  )
  select i.n, t.id is not null as updated,
         coalesce(t.status in ('published', 'failed') and exists (${SIBLINGS}), false) as "withSiblings"
    from input i left join t on t.id = i.id
   order by i.n`;

/**
 * How outcomes are grouped: as the captures' (capture-to-draft.ts) — one batch at a time, another beside
 * it once it has run 25 ms (a lock wait), up to four — and at most a pool's worth (the publisher's
 * capacity) per batch.
 */
const BATCHING = { maxInFlight: 4, stalledAfterMs: 25, maxBatch: 64, keyOf: (row: RecordRow) => row.id };

const recordBatcher = batchedStatement<RecordRow, RecordResult>('minopa_record_outcomes', RECORD_BATCH_SQL, BATCHING);
