import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import PgBoss from 'pg-boss';
import { MINIMAL_TABLE, PG_BOSS_QUEUE, type ClaimReply, type ClaimRequest, type ClaimSystem } from './publisher-claim-protocol.js';
import { startWorker, type WorkerProcess } from './publisher-processes.js';
import { seedDueTargets, seedOwner, seedXAccounts, type BenchOwner } from './publisher-seed.js';
import { median, round } from './report.js';

/** How the claim comparison runs. */
export interface ClaimOptions {
  databaseUrl: string;
  /** Jobs each system drains per round. */
  jobs: number;
  /** Jobs per claim, the same for every system. */
  batch: number;
  /** Worker processes per system (the same for every system). */
  workers: number;
  rounds: number;
}

/** One system's drain in one round. */
export interface ClaimRun {
  round: number;
  system: ClaimSystem;
  jobsPerSecond: number;
  seconds: number;
  /**
   * CPU time of the worker processes per job, in microseconds: on a machine with few cores the workers
   * compete with the database's backends, so what a system costs its client shows in its rate too.
   */
  workerCpuUsPerJob: number;
}

/** Medians over the rounds, in jobs per second, and the ratios (medians of per-round ratios). */
export interface ClaimComparison {
  runs: ClaimRun[];
  jobsPerSecond: Record<ClaimSystem, number>;
  workerCpuUsPerJob: Record<ClaimSystem, number>;
  /** (b) / (a): our claim against a bare claim of the same rows — the target, ≥ 0.8. */
  claimVsCeiling: number;
  /** Our claim against a bare claim on a minimal table: what post_targets' width and indexes cost. */
  claimVsMinimalTable: number;
  /** (b) / (c): our claim against pg-boss's claim, its batch fetch — the target, ≥ 3. */
  claimVsPgBoss: number;
  /** Processing — our claim and the record update against pg-boss's fetch and complete. */
  processingVsPgBoss: number;
}

/** The order systems run in; each round starts one further along, so drift on a shared machine hits all alike. */
const SYSTEMS: ClaimSystem[] = ['bareClaim', 'claim', 'pgBossFetch', 'minimalClaim', 'claimAndRecord', 'pgBossFetchAndComplete'];

/** Accounts the claim comparison's targets are spread over (the claim does not care; the FKs need some). */
const CLAIM_ACCOUNTS = 100;

/**
 * Claims — (a) a bare `FOR UPDATE SKIP LOCKED` claim of the same due post_targets rows (the ceiling),
 * (b) our claimDueTargets, (c) pg-boss 10.4.2's claim, a batch fetch without priority ordering, and for
 * comparison the bare claim on a minimal table — then processing, claim plus marking done: (b) with the
 * record path's target update against pg-boss's fastest loop (fetch, bulk complete). Every system drains
 * the same number of due jobs with the same batch size and the same worker processes, in rotating order
 * per round, on one database.
 */
export async function compareClaims(knex: Knex, options: ClaimOptions): Promise<ClaimComparison> {
  const owner = await seedOwner(knex, 'Claim benchmark');
  const accountIds = await seedXAccounts(
    knex,
    owner,
    [{ id: 'bench', key: randomBytes(32) }],
    Array.from({ length: CLAIM_ACCOUNTS }, (_, index) => ({ remoteId: `claim-${index}`, username: `claim_${index}`, tokens: { accessToken: 'unused', refreshToken: null, expiresAt: null } })),
  );
  await knex.raw(`create table ${MINIMAL_TABLE} (id bigint generated always as identity primary key, status text not null, run_at timestamptz not null)`);
  // The same shape as post_targets_due_idx: run_at over the claimable rows only.
  await knex.raw(`create index ${MINIMAL_TABLE}_due_idx on ${MINIMAL_TABLE} (run_at) where status = 'due'`);
  const boss = new PgBoss({ connectionString: options.databaseUrl, max: 2, supervise: false, schedule: false });
  boss.on('error', (error) => console.error(`pg-boss: ${error.message}`));
  await boss.start();
  await boss.createQueue(PG_BOSS_QUEUE);

  const workers: Array<WorkerProcess<ClaimRequest, ClaimReply>> = [];
  const quiet = await withoutAutovacuum(knex);
  try {
    for (let index = 0; index < options.workers; index++) {
      workers.push(await startWorker('bench/publisher-claim-worker.ts', { DATABASE_URL: options.databaseUrl, WORKER_ID: `bench-claim-${index}` }));
    }
    const drain = async (round: number, system: ClaimSystem, jobs = options.jobs): Promise<ClaimRun> => {
      // Every run starts just after a checkpoint, so none pays for a checkpoint the WAL of another set off
      // (its first write to each page afterwards logs the whole page). Needs a superuser or pg_checkpoint.
      await knex.raw('checkpoint').catch(() => undefined);
      await seed(knex, boss, system, owner, accountIds, jobs, round);
      const started = performance.now();
      const replies = await Promise.all(workers.map((worker) => worker.ask({ system, batch: options.batch })));
      const seconds = (performance.now() - started) / 1000;
      const taken = replies.reduce((sum, reply) => sum + reply.jobs, 0);
      // Every job once across the workers, or the comparison means nothing.
      if (taken !== jobs) throw new Error(`${system} took ${taken} jobs of ${jobs} in round ${round}`);
      await empty(knex, system);
      const cpuMs = replies.reduce((sum, reply) => sum + reply.cpuMs, 0);
      return { round, system, jobsPerSecond: jobs / seconds, seconds, workerCpuUsPerJob: (cpuMs * 1000) / jobs };
    };
    // Warm every path (JIT, plans, pg-boss's statements) on a small batch first.
    for (const system of SYSTEMS) await drain(0, system, Math.max(options.batch, Math.floor(options.jobs / 10)));

    const runs: ClaimRun[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      for (let step = 0; step < SYSTEMS.length; step++) runs.push(await drain(round, SYSTEMS[(round - 1 + step) % SYSTEMS.length]!));
    }
    const med = (system: ClaimSystem, of: (run: ClaimRun) => number = (run) => run.jobsPerSecond) => median(runs.filter((run) => run.system === system).map(of));
    const perRound = (pick: (of: (system: ClaimSystem) => number) => number) =>
      median(Array.from({ length: options.rounds }, (_, index) => pick((system) => runs.find((run) => run.round === index + 1 && run.system === system)!.jobsPerSecond)));
    const ratio = (system: ClaimSystem, baseline: ClaimSystem) => round(perRound((of) => of(system) / of(baseline)));
    return {
      runs,
      jobsPerSecond: Object.fromEntries(SYSTEMS.map((system) => [system, round(med(system), 0)])) as Record<ClaimSystem, number>,
      workerCpuUsPerJob: Object.fromEntries(SYSTEMS.map((system) => [system, round(med(system, (run) => run.workerCpuUsPerJob), 1)])) as Record<ClaimSystem, number>,
      claimVsCeiling: ratio('claim', 'bareClaim'),
      claimVsMinimalTable: ratio('claim', 'minimalClaim'),
      claimVsPgBoss: ratio('claim', 'pgBossFetch'),
      processingVsPgBoss: ratio('claimAndRecord', 'pgBossFetchAndComplete'),
    };
  } finally {
    await quiet.restore();
    await Promise.all(workers.map((worker) => worker.stop()));
    await boss.stop({ graceful: false, wait: true });
  }
}

/**
 * Turns autovacuum off on the tables the systems drain, until `restore`: each run writes tens of thousands
 * of rows, enough to set autovacuum off on that table at whatever moment of a later run its naptime ends,
 * and a run should measure the system, not the vacuum. Every system's tables are emptied by TRUNCATE
 * between runs instead. pg-boss keeps its jobs in one partition per queue; the setting is per partition.
 */
async function withoutAutovacuum(knex: Knex): Promise<{ restore(): Promise<void> }> {
  const { rows } = await knex.raw<{ rows: Array<{ name: string }> }>(
    `select cast(c.oid as regclass)::text as name from pg_class c
      where c.relkind = 'r' and (c.oid in (cast('post_targets' as regclass), cast('posts' as regclass), cast('publish_attempts' as regclass), cast(? as regclass), cast('pgboss.job' as regclass))
         or c.oid in (select inhrelid from pg_inherits where inhparent = cast('pgboss.job' as regclass)))`,
    [MINIMAL_TABLE],
  );
  const set = (value: string) => Promise.all(rows.map((row) => knex.raw(`alter table ${row.name} ${value}`)));
  await set('set (autovacuum_enabled = false)');
  return { restore: async () => void (await set('reset (autovacuum_enabled)')) };
}

/** Makes `count` due jobs for `system` and refreshes the planner's statistics. */
async function seed(knex: Knex, boss: PgBoss, system: ClaimSystem, owner: BenchOwner, accountIds: string[], count: number, round: number): Promise<void> {
  if (system === 'minimalClaim') {
    await knex.raw(`insert into ${MINIMAL_TABLE} (status, run_at) select 'due', now() - interval '1 second' from generate_series(1, ?)`, [count]);
    await knex.raw(`analyze ${MINIMAL_TABLE}`);
  } else if (system === 'pgBossFetch' || system === 'pgBossFetchAndComplete') {
    for (let done = 0; done < count; done += 5_000) {
      await boss.insert(Array.from({ length: Math.min(5_000, count - done) }, () => ({ name: PG_BOSS_QUEUE, data: {} })));
    }
    await knex.raw('analyze pgboss.job');
  } else {
    await seedDueTargets(knex, owner, { accountIds, count, label: `Claim ${system} round ${round}`, dueInMs: -1_000 });
    await knex.raw('analyze post_targets');
  }
}

/** Clears what `system` drained, so the next system and round start from equally fresh tables. */
async function empty(knex: Knex, system: ClaimSystem): Promise<void> {
  if (system === 'minimalClaim') await knex.raw(`truncate ${MINIMAL_TABLE}`);
  else if (system === 'pgBossFetch' || system === 'pgBossFetchAndComplete') await knex.raw('truncate pgboss.job');
  else await knex.raw('truncate publish_attempts, post_targets, posts cascade');
}
