import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { type TargetRow, loadTargets, lockPost, loadTarget } from './load-post-targets.js';
import { refreshPostStatus } from './refresh-post-status.js';
import { assertChangeable, targetName } from './target-status.js';

/**
 * Sends a failed target back to the publisher now (status scheduled, run time now, failure cleared;
 * its checkpoint stays so finished steps are not repeated). An unconfirmed target may have gone out:
 * it is retried only when the person confirms it did not (`confirmNotPublished`), else 409
 * confirmation_required. The account must be active: retrying into a dead token only fails again.
 */
export async function retryTarget(
  knex: Knex,
  workspaceId: string,
  postId: string,
  targetId: string,
  input: { confirmNotPublished?: boolean | undefined },
): Promise<TargetRow> {
  return knex.transaction(async (trx) => {
    const target = await loadTarget(trx, workspaceId, postId, targetId);
    assertChangeable(target);
    if (target.status !== 'failed' && target.status !== 'unconfirmed') {
      throw new HttpError('target_status_conflict', `The post to ${targetName(target)} has not failed, so there is nothing to retry.`);
    }
    if (target.status === 'unconfirmed' && input.confirmNotPublished !== true) {
      throw new HttpError(
        'confirmation_required',
        `We could not tell whether the post reached ${targetName(target)}. Check there first; if it is not there, retry with confirmNotPublished so it is not published twice.`,
      );
    }
    if (target.accountStatus !== 'active') throw new HttpError('account_unavailable', `${targetName(target)} needs reconnecting before the post can be retried.`);
    const now = new Date();
    await trx('postTargets').where('id', target.id).update({
      status: 'scheduled', runAt: now, dueAt: target.dueAt ?? now, failureKind: null, failureCode: null, failureMessage: null, updatedAt: trx.fn.now(),
    });
    await refreshPostStatus(trx, (await lockPost(trx, workspaceId, postId)).id);
    return (await loadTargets(trx, postId, { targetId }))[0]!;
  });
}
