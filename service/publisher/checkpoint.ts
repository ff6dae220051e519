import type { Knex } from 'knex';
import { batchedStatement } from '../db/batched-statement.js';
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
      const { saved } = await saveBatcher(knex).submit({ id: target.id, owner, patch });
      if (!saved) throw new LeaseLostError(target.id);
      state = { ...state, ...patch };
    },
  };
}

/** One save: the target, whose lease it needs, and the keys it sets. */
interface SaveRow {
  id: string;
  owner: string;
  patch: Readonly<Record<string, unknown>>;
}

// The saves of targets that reach a checkpoint together (a burst of posts whose requests return in the same
// moment) share one statement, as the outcomes do (record.ts).
const SAVE_BATCH_SQL = `
  with input as (select * from jsonb_to_recordset($1::jsonb) as i(n int, id uuid, owner text, patch jsonb)),
  saved as (
    update post_targets t set progress = t.progress || i.patch, updated_at = now()
      from input i
     where t.id = i.id and t.lease_owner = i.owner and t.status = 'publishing'
    returning t.id
  )
  select saved.id is not null as saved from input i left join saved on saved.id = i.id order by i.n`;

/** As record.ts groups outcomes; one target's saves never share a batch (its adapter waits for each anyway). */
const BATCHING = { maxInFlight: 4, stalledAfterMs: 25, maxBatch: 64, keyOf: (row: SaveRow) => row.id };

const saveBatcher = batchedStatement<SaveRow, { saved: boolean }>('minopa_save_checkpoints', SAVE_BATCH_SQL, BATCHING);
