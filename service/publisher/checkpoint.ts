import type { Knex } from 'knex';
import type { Checkpoint } from '../platforms/types.js';

/**
 * Thrown by a checkpoint save when this worker no longer holds the target's lease (it expired and another
 * worker took the target over). The adapter must stop before its next irreversible step; the publisher
 * then records nothing but the attempt, since the target is someone else's now.
 */
export class LeaseLostError extends Error {
  constructor(targetId: string) {
    super(`the lease on target ${targetId} was lost; another worker has it now`);
    this.name = 'LeaseLostError';
  }
}

/**
 * The adapter's checkpoint of one claimed target, persisted in post_targets.progress before `save`
 * resolves — only while `owner` still holds the lease. The lease is renewed by the publisher loop while
 * this process lives (leased-loop.ts), however long an upload takes between saves.
 */
export function leasedCheckpoint(knex: Knex, target: { id: string; progress: Record<string, unknown> }, owner: string): Checkpoint {
  let state: Readonly<Record<string, unknown>> = { ...target.progress };
  return {
    get state() {
      return state;
    },
    async save(patch) {
      const updated = await knex('postTargets')
        .where({ id: target.id, leaseOwner: owner, status: 'publishing' })
        .update({
          progress: knex.raw('progress || cast(? as jsonb)', [JSON.stringify(patch)]),
          updatedAt: knex.fn.now(),
        });
      if (updated === 0) throw new LeaseLostError(target.id);
      state = { ...state, ...patch };
    },
  };
}
