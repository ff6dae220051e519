import type { Knex } from 'knex';
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
 * Records one attempt's outcome in ONE statement (the publisher's hot path: every round trip here is a
 * database connection held while other targets wait): the target's new status, guarded by the lease
 * (only the worker that holds it may change the target); the attempt row (always, for the history); and,
 * when the target was the post's only one, the post's status. A post with other targets then has its
 * status refreshed under the post's row lock, as the scheduling actions do, so targets finishing
 * together each see the other's result. An account the network refused is marked for reconnecting (its
 * owners and admins told once).
 *
 * `published` writes remote_id and the status together, so remote_id is never missing from a published
 * target. A worker that published but lost its lease meanwhile still records the remote id if no other
 * worker holds the target (it is unconfirmed or queued again): it knows the answer the reconcile job
 * would have to ask for. Returns false when nothing but the attempt was recorded.
 */
export async function recordOutcome(knex: Knex, target: Pick<ClaimedTarget, 'id' | 'postId' | 'accountId'>, outcome: TargetOutcome, meta: AttemptMeta): Promise<boolean> {
  const error = outcome.status === 'published' ? null : outcome.error;
  const attempt = {
    id: target.id,
    owner: meta.owner,
    startedAt: meta.startedAt,
    attemptOutcome: attemptOutcomeOf(outcome),
    failureKind: error?.kind ?? null,
    httpStatus: error?.details.httpStatus ?? null,
    vendorCode: error?.details.vendorCode ?? null,
    vendorMessage: error ? (error.details.vendorMessage ?? error.message) : null,
    requestId: error?.details.requestId ?? null,
  };
  if (outcome.status === 'lost') {
    await knex.raw(`insert into publish_attempts (${ATTEMPT_COLUMNS}) values (${ATTEMPT_VALUES})`, attempt);
    return false;
  }
  const { rows } = (await knex.raw(RECORD_SQL, { ...attempt, ...changesFor(outcome) })) as { rows: Array<{ updated: number; withSiblings: boolean | null }> };
  const { updated, withSiblings } = rows[0]!;
  if (updated === 0) return false;
  if (withSiblings) {
    await knex.transaction(async (trx) => {
      await trx('posts').where('id', target.postId).forUpdate().first('id');
      await refreshPostStatus(trx, target.postId);
    });
  }
  if (outcome.status === 'failed' && outcome.error.kind === 'auth') await markReconnectNeeded(knex, target.accountId, outcome.error.message);
  return true;
}

const ATTEMPT_COLUMNS = 'target_id, started_at, outcome, failure_kind, http_status, vendor_code, vendor_message, vendor_request_id, worker';
const ATTEMPT_VALUES = ':id, :startedAt, :attemptOutcome, :failureKind, :httpStatus, :vendorCode, :vendorMessage, :requestId, :owner';
/** Counted targets of the post other than this one (drafted and cancelled ones do not count). */
const SIBLINGS = `select 1 from post_targets o where o.post_id = t.post_id and o.id <> t.id and o.status not in ('draft', 'cancelled')`;

const RECORD_SQL = `
  with t as (
    update post_targets set
      status = :status, lease_owner = null, lease_expires_at = null, updated_at = now(),
      remote_id = case when :published then :remoteId else remote_id end,
      remote_url = case when :published then :remoteUrl else remote_url end,
      published_at = case when :published then now() else published_at end,
      failure_kind = :failureKind, failure_code = :failureCode, failure_message = :failureMessage,
      run_at = coalesce(cast(:runAt as timestamptz), run_at),
      reconcile_checks = coalesce(cast(:reconcileChecks as integer), reconcile_checks),
      attempts = case when :refundAttempt then greatest(attempts - 1, 0) else attempts end
    where id = :id and ((lease_owner = :owner and status = 'publishing') or (:published and status in ('unconfirmed', 'scheduled')))
    returning id, post_id, status
  ),
  attempt as (insert into publish_attempts (${ATTEMPT_COLUMNS}) values (${ATTEMPT_VALUES})),
  only_target as (
    update posts p set status = t.status, updated_at = now()
      from t
     where p.id = t.post_id and t.status in ('published', 'failed') and p.status <> 'archived' and p.status <> t.status
       and not exists (${SIBLINGS})
  )
  select cast(count(*) as integer) as updated, bool_or(t.status in ('published', 'failed') and exists (${SIBLINGS})) as "withSiblings" from t`;

/** The target columns an outcome sets, as RECORD_SQL's parameters (null: keep the column as it is). */
function changesFor(outcome: Exclude<TargetOutcome, { status: 'lost' }>) {
  const published = outcome.status === 'published';
  const error = published ? null : outcome.error;
  return {
    status: outcome.status,
    published,
    remoteId: published ? outcome.result.remoteId : null,
    remoteUrl: published ? outcome.result.url : null,
    failureCode: error?.details.vendorCode ?? null,
    failureMessage: error?.message ?? null,
    runAt: outcome.status === 'scheduled' || outcome.status === 'unconfirmed' ? outcome.runAt : null,
    reconcileChecks: outcome.status === 'unconfirmed' ? outcome.reconcileChecks : outcome.status === 'failed' ? null : 0,
    refundAttempt: outcome.status === 'scheduled' && outcome.refundAttempt,
  };
}
