import type { Knex } from 'knex';
import { type TargetRow, loadTargets, lockPost, loadTarget } from './load-post-targets.js';
import { refreshPostStatus } from './refresh-post-status.js';
import { assertChangeable } from './target-status.js';

/**
 * Cancels one target: it will not be published (or retried). A draft, scheduled, failed or unconfirmed
 * target can be cancelled; one being published cannot (409 target_locked). The post's status follows.
 */
export async function cancelTarget(knex: Knex, workspaceId: string, postId: string, targetId: string): Promise<TargetRow> {
  return knex.transaction(async (trx) => {
    const target = await loadTarget(trx, workspaceId, postId, targetId);
    assertChangeable(target);
    await trx('postTargets').where('id', target.id).update({ status: 'cancelled', runAt: null, updatedAt: trx.fn.now() });
    await refreshPostStatus(trx, (await lockPost(trx, workspaceId, postId)).id);
    return (await loadTargets(trx, postId, { targetId }))[0]!;
  });
}
