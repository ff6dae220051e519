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
 * Records one attempt's outcome in one short transaction: the target's new status (guarded by the lease:
 * only the worker that holds it may change the target), the attempt row (always, for the history), the
 * account when the network refused its token (reconnect needed, its owners and admins told once), and the
 * post's status.
 *
 * `published` is one update writing remote_id and the status together, so remote_id is never missing
 * from a published target. A worker that published but lost its lease meanwhile still records the
 * remote id if no other worker holds the target (it is unconfirmed or queued again): it knows the
 * answer the reconcile job would have to ask for. Returns false when nothing but the attempt was recorded.
 */
export async function recordOutcome(knex: Knex, target: Pick<ClaimedTarget, 'id' | 'postId' | 'accountId'>, outcome: TargetOutcome, meta: AttemptMeta): Promise<boolean> {
  return knex.transaction(async (trx) => {
    const settles = outcome.status === 'published' || outcome.status === 'failed';
    // The post first, as the scheduling actions lock it: two targets of one post finishing at once then
    // refresh its status one after the other (each seeing the other's result), and never deadlock with an action.
    if (settles) await trx('posts').where('id', target.postId).forUpdate().first('id');
    let updated = 0;
    if (outcome.status !== 'lost') {
      const query = trx('postTargets').where('id', target.id);
      if (outcome.status === 'published') {
        query.where((held) => held.where({ leaseOwner: meta.owner, status: 'publishing' }).orWhereIn('status', ['unconfirmed', 'scheduled']));
      } else {
        query.where({ leaseOwner: meta.owner, status: 'publishing' });
      }
      updated = await query.update(changesFor(trx, outcome));
    }
    const error = outcome.status === 'published' ? null : outcome.error;
    await trx('publishAttempts').insert({
      targetId: target.id,
      startedAt: meta.startedAt,
      outcome: attemptOutcomeOf(outcome),
      failureKind: error?.kind ?? null,
      httpStatus: error?.details.httpStatus ?? null,
      vendorCode: error?.details.vendorCode ?? null,
      vendorMessage: error ? (error.details.vendorMessage ?? error.message) : null,
      vendorRequestId: error?.details.requestId ?? null,
      worker: meta.owner,
    });
    if (updated > 0 && outcome.status === 'failed' && outcome.error.kind === 'auth') {
      await markReconnectNeeded(trx, target.accountId, outcome.error.message);
    }
    if (updated > 0 && settles) await refreshPostStatus(trx, target.postId);
    return updated > 0;
  });
}

function changesFor(knex: Knex, outcome: Exclude<TargetOutcome, { status: 'lost' }>): Record<string, unknown> {
  const released = { status: outcome.status, leaseOwner: null, leaseExpiresAt: null, updatedAt: knex.fn.now() };
  if (outcome.status === 'published') {
    return {
      ...released,
      remoteId: outcome.result.remoteId,
      remoteUrl: outcome.result.url,
      publishedAt: knex.fn.now(),
      failureKind: null,
      failureCode: null,
      failureMessage: null,
      reconcileChecks: 0,
    };
  }
  const error = outcome.error;
  const failure = { failureKind: error?.kind ?? null, failureCode: error?.details.vendorCode ?? null, failureMessage: error?.message ?? null };
  switch (outcome.status) {
    case 'scheduled':
      return {
        ...released,
        ...failure,
        runAt: outcome.runAt,
        reconcileChecks: 0,
        ...(outcome.refundAttempt ? { attempts: knex.raw('greatest(attempts - 1, 0)') } : {}),
      };
    case 'unconfirmed':
      return { ...released, ...failure, runAt: outcome.runAt, reconcileChecks: outcome.reconcileChecks };
    case 'failed':
      return { ...released, ...failure };
  }
}
