import type { Knex } from 'knex';
import { loadTargets, lockPost } from './load-post-targets.js';
import { refreshPostStatus } from './refresh-post-status.js';
import { assertChangeable } from './target-status.js';

/**
 * Takes the post's scheduled targets back to draft (no due time) and the post back to draft, unless
 * other targets keep it published or failed. Refused as a whole while a target is being published.
 */
export async function unschedulePost(knex: Knex, workspaceId: string, postId: string) {
  return knex.transaction(async (trx) => {
    const post = await lockPost(trx, workspaceId, postId);
    const targets = await loadTargets(trx, postId, { lock: true });
    const locked = targets.find((target) => target.status === 'publishing');
    if (locked) assertChangeable(locked);
    const scheduled = targets.filter((target) => target.status === 'scheduled');
    if (scheduled.length > 0) {
      await trx('postTargets')
        .whereIn('id', scheduled.map((target) => target.id))
        .update({ status: 'draft', dueAt: null, runAt: null, updatedAt: trx.fn.now() });
    }
    return { postStatus: await refreshPostStatus(trx, post.id), targets: await loadTargets(trx, postId) };
  });
}
