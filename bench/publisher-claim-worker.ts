/**
 * One worker process of the publisher benchmark's claim comparison (bench/lib/publisher-claim.ts). On
 * each request it drains one system's due jobs in a loop, a batch at a time, until a claim comes back
 * empty, and answers how many it took. Connections are opened before `ready`, so start-up is never
 * measured. Run with `node --import tsx`; DATABASE_URL and WORKER_ID in the environment.
 */
import knex from 'knex';
import PgBoss from 'pg-boss';
import { knexOptions } from '../service/db.js';
import { claimDueTargets } from '../service/publisher/claim.js';
import { recordOutcome } from '../service/publisher/record.js';
import { CEILING_TABLE, PG_BOSS_QUEUE, type ClaimReply, type ClaimRequest, type ClaimSystem } from './lib/publisher-claim-protocol.js';

const { DATABASE_URL, WORKER_ID } = process.env;
if (!DATABASE_URL || !WORKER_ID) throw new Error('publisher-claim-worker needs DATABASE_URL and WORKER_ID');

/** The publisher's default lease; nothing here outlives it. */
const LEASE_MS = 10 * 60_000;

// Two connections each: one loop uses one at a time; the record variant overlaps its transactions.
const db = knex(knexOptions(DATABASE_URL, 4));
const boss = new PgBoss({ connectionString: DATABASE_URL, max: 2, migrate: false, supervise: false, schedule: false });
boss.on('error', (error) => process.stderr.write(`${WORKER_ID}: pg-boss: ${error.message}\n`));
await boss.start();
await db.raw('select 1');

/** One batch of a system: claims up to `batch` due jobs, marks them done, returns how many. */
const batches: Record<ClaimSystem, (batch: number) => Promise<number>> = {
  /** The ceiling: claim and mark done in one statement, on a table with nothing else in it. */
  async ceiling(batch) {
    const { rows } = await db.raw<{ rows: unknown[] }>(
      `update ${CEILING_TABLE} set status = 'done'
        where id in (select id from ${CEILING_TABLE} where status = 'due' order by run_at limit ? for update skip locked)
        returning id`,
      [batch],
    );
    return rows.length;
  },
  /**
   * Our claim path, then the record path's own target update (published, remote id, lease released,
   * guarded by the lease) for the whole batch in one statement: the cheapest record the engine could do.
   */
  async claim(batch) {
    const claimed = await claimDueTargets(db, { owner: WORKER_ID, leaseMs: LEASE_MS, limit: batch });
    if (claimed.length === 0) return 0;
    await db.raw(
      `update post_targets
          set status = 'published', remote_id = 'bench-' || id, published_at = now(), lease_owner = null, lease_expires_at = null, updated_at = now()
        where id = any(cast(? as uuid[])) and lease_owner = ? and status = 'publishing'`,
      [claimed.map((target) => target.id), WORKER_ID],
    );
    return claimed.length;
  },
  /** Our claim path with the engine's own recordOutcome per target (attempt row, post status), all at once. */
  async claimAndRecord(batch) {
    const claimed = await claimDueTargets(db, { owner: WORKER_ID, leaseMs: LEASE_MS, limit: batch });
    const startedAt = new Date();
    await Promise.all(
      claimed.map((target) =>
        recordOutcome(db, target, { status: 'published', attempt: 'published', result: { remoteId: `bench-${target.id}`, url: null } }, { owner: WORKER_ID, startedAt }),
      ),
    );
    return claimed.length;
  },
  /** pg-boss's fastest loop: a batch fetch (no priority ordering) and one bulk complete. */
  async pgBoss(batch) {
    const jobs = await boss.fetch(PG_BOSS_QUEUE, { batchSize: batch, priority: false });
    if (jobs.length === 0) return 0;
    await boss.complete(
      PG_BOSS_QUEUE,
      jobs.map((job) => job.id),
    );
    return jobs.length;
  },
};

process.on('message', (request: ClaimRequest) => {
  void (async (): Promise<ClaimReply> => {
    const started = performance.now();
    let jobs = 0;
    for (;;) {
      const taken = await batches[request.system](request.batch);
      if (taken === 0) break;
      jobs += taken;
    }
    return { jobs, ms: performance.now() - started };
  })().then(
    (reply) => process.send!(reply),
    (error: Error) => process.send!({ jobs: 0, ms: 0, error: error.stack ?? error.message }),
  );
});

process.on('SIGTERM', () => {
  void Promise.allSettled([boss.stop({ graceful: false, wait: true }), db.destroy()]).then(() => process.exit(0));
});
process.send!({ ready: true });
