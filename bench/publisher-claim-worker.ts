/**
 * One worker process of the publisher benchmark's claim comparison (bench/lib/publisher-claim.ts). On
 * each request it drains one system's due jobs in a loop, a batch at a time, until a claim comes back
 * empty, and answers how many it took. Connections are opened before `ready`, so start-up is never
 * measured. Run with `node --import tsx`; DATABASE_URL and WORKER_ID in the environment.
 */
import knex from 'knex';
import PgBoss from 'pg-boss';
import { knexOptions } from '../service/db.js';
import { runPrepared } from '../service/db/prepared.js';
import { claimDueTargets } from '../service/publisher/claim.js';
import { MINIMAL_TABLE, PG_BOSS_QUEUE, type ClaimReply, type ClaimRequest, type ClaimSystem } from './lib/publisher-claim-protocol.js';

const { DATABASE_URL, WORKER_ID } = process.env;
if (!DATABASE_URL || !WORKER_ID) throw new Error('publisher-claim-worker needs DATABASE_URL and WORKER_ID');

/** The publisher's default lease; nothing here outlives it. */
const LEASE_MS = 10 * 60_000;

// One loop uses one connection at a time.
const db = knex(knexOptions(DATABASE_URL, 2));
const boss = new PgBoss({ connectionString: DATABASE_URL, max: 2, migrate: false, supervise: false, schedule: false });
boss.on('error', (error) => process.stderr.write(`${WORKER_ID}: pg-boss: ${error.message}\n`));
await boss.start();
await db.raw('select 1');

/** A bare claim of due post_targets rows, leased as the publisher leases them. */
const bareClaimSql = `update post_targets
     set status = 'publishing', lease_owner = $1, lease_expires_at = now() + $2 * interval '1 millisecond'
   where id in (select id from post_targets where status = 'scheduled' and run_at <= now() order by run_at limit $3 for update skip locked)
  returning id`;

/** The same bare claim on the minimal table. */
const minimalClaimSql = `update ${MINIMAL_TABLE} set status = 'claimed'
   where id in (select id from ${MINIMAL_TABLE} where status = 'due' order by run_at limit $1 for update skip locked)
  returning id`;

/** pg-boss's claim: a batch fetch without priority ordering (its cheapest). */
const pgBossFetch = (batch: number) => boss.fetch(PG_BOSS_QUEUE, { batchSize: batch, priority: false });

/** One batch of a system: claims up to `batch` due jobs (and, for the processing systems, marks them done); returns how many. */
const batches: Record<ClaimSystem, (batch: number) => Promise<number>> = {
  /**
   * The ceiling: the least a claim of these rows can be — one statement, no sweep, nothing returned but
   * ids — prepared once per connection as claimDueTargets is, so that no advantage of ours is missing from it.
   */
  async bareClaim(batch) {
    return (await runPrepared(db, 'bench_bare_claim', bareClaimSql, [WORKER_ID, LEASE_MS, batch])).length;
  },
  /** The same bare claim on a table with nothing else in it: the gap to bareClaim is what post_targets' width and indexes cost. */
  async minimalClaim(batch) {
    return (await runPrepared(db, 'bench_minimal_claim', minimalClaimSql, [batch])).length;
  },
  async claim(batch) {
    return (await claimDueTargets(db, { owner: WORKER_ID, leaseMs: LEASE_MS, limit: batch })).length;
  },
  async pgBossFetch(batch) {
    return (await pgBossFetch(batch)).length;
  },
  /**
   * Our claim path, then the record path's own target update (published, remote id, lease released,
   * guarded by the lease) for the whole batch in one statement: the cheapest record the engine could do.
   */
  async claimAndRecord(batch) {
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
  /** pg-boss's fastest processing loop: a batch fetch and one bulk complete. */
  async pgBossFetchAndComplete(batch) {
    const jobs = await pgBossFetch(batch);
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
    const cpu = process.cpuUsage();
    let jobs = 0;
    for (;;) {
      const taken = await batches[request.system](request.batch);
      if (taken === 0) break;
      jobs += taken;
    }
    const used = process.cpuUsage(cpu);
    return { jobs, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
  })().then(
    (reply) => process.send!(reply),
    (error: Error) => process.send!({ jobs: 0, ms: 0, cpuMs: 0, error: error.stack ?? error.message }),
  );
});

process.on('SIGTERM', () => {
  void Promise.allSettled([boss.stop({ graceful: false, wait: true }), db.destroy()]).then(() => process.exit(0));
});
process.send!({ ready: true });
