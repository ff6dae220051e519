import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import PgBoss from 'pg-boss';
import { CEILING_TABLE, PG_BOSS_QUEUE, type ClaimReply, type ClaimRequest, type ClaimSystem } from './publisher-claim-protocol.js';
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
}

/** Medians over the rounds, in jobs per second, and the ratios the issue sets targets for. */
export interface ClaimComparison {
  runs: ClaimRun[];
  ceiling: number;
  claim: number;
  claimAndRecord: number;
  pgBoss: number;
  claimVsCeiling: number;
  claimVsPgBoss: number;
}

/** The order systems run in; each round starts one further along, so drift on a shared machine hits all alike. */
const SYSTEMS: ClaimSystem[] = ['ceiling', 'claim', 'pgBoss', 'claimAndRecord'];

/** Accounts the claim comparison's targets are spread over (the claim does not care; the FKs need some). */
const CLAIM_ACCOUNTS = 100;

/**
 * (a) a bare `FOR UPDATE SKIP LOCKED` claim loop on a minimal table, (b) our publisher's claim path on
 * real post_targets rows, (c) pg-boss 10.4.2's fastest loop — each draining the same number of due jobs
 * with the same batch size and the same number of worker processes, in rotating order per round, on
 * one database. (b') adds the engine's full record path per target, for information.
 */
export async function compareClaims(knex: Knex, options: ClaimOptions): Promise<ClaimComparison> {
  const owner = await seedOwner(knex, 'Claim benchmark');
  const accountIds = await seedXAccounts(
    knex,
    owner,
    [{ id: 'bench', key: randomBytes(32) }],
    Array.from({ length: CLAIM_ACCOUNTS }, (_, index) => ({ remoteId: `claim-${index}`, username: `claim_${index}`, tokens: { accessToken: 'unused', refreshToken: null, expiresAt: null } })),
  );
  await knex.raw(`create table ${CEILING_TABLE} (id bigint generated always as identity primary key, status text not null, run_at timestamptz not null)`);
  // The same shape as post_targets_due_idx: run_at over the claimable rows only.
  await knex.raw(`create index ${CEILING_TABLE}_due_idx on ${CEILING_TABLE} (run_at) where status = 'due'`);
  const boss = new PgBoss({ connectionString: options.databaseUrl, max: 2, supervise: false, schedule: false });
  boss.on('error', (error) => console.error(`pg-boss: ${error.message}`));
  await boss.start();
  await boss.createQueue(PG_BOSS_QUEUE);

  const workers: Array<WorkerProcess<ClaimRequest, ClaimReply>> = [];
  try {
    for (let index = 0; index < options.workers; index++) {
      workers.push(await startWorker('bench/publisher-claim-worker.ts', { DATABASE_URL: options.databaseUrl, WORKER_ID: `bench-claim-${index}` }));
    }
    const drain = async (round: number, system: ClaimSystem, jobs = options.jobs): Promise<ClaimRun> => {
      await seed(knex, boss, system, owner, accountIds, jobs, round);
      const started = performance.now();
      const replies = await Promise.all(workers.map((worker) => worker.ask({ system, batch: options.batch })));
      const seconds = (performance.now() - started) / 1000;
      const taken = replies.reduce((sum, reply) => sum + reply.jobs, 0);
      // Every job exactly once across the workers, or the comparison means nothing.
      if (taken !== jobs) throw new Error(`${system} took ${taken} jobs of ${jobs} in round ${round}`);
      await empty(knex, system);
      return { round, system, jobsPerSecond: jobs / seconds, seconds };
    };
    // Warm every path (JIT, plans, pg-boss's statements) on a small batch first.
    for (const system of SYSTEMS) await drain(0, system, Math.max(options.batch, Math.floor(options.jobs / 10)));

    const runs: ClaimRun[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      for (let step = 0; step < SYSTEMS.length; step++) {
        const system = SYSTEMS[(round - 1 + step) % SYSTEMS.length]!;
        // The full record path is a transaction per target, far slower: a tenth of the jobs tells its rate.
        runs.push(await drain(round, system, system === 'claimAndRecord' ? Math.max(options.batch, Math.floor(options.jobs / 10)) : options.jobs));
      }
    }
    const med = (system: ClaimSystem) => median(runs.filter((run) => run.system === system).map((run) => run.jobsPerSecond));
    const perRound = (pick: (of: (system: ClaimSystem) => number) => number) =>
      median(Array.from({ length: options.rounds }, (_, index) => pick((system) => runs.find((run) => run.round === index + 1 && run.system === system)!.jobsPerSecond)));
    return {
      runs,
      ceiling: round(med('ceiling'), 0),
      claim: round(med('claim'), 0),
      claimAndRecord: round(med('claimAndRecord'), 0),
      pgBoss: round(med('pgBoss'), 0),
      // Ratios per round (same conditions), then their median, as bench/captures.ts does.
      claimVsCeiling: round(perRound((of) => of('claim') / of('ceiling'))),
      claimVsPgBoss: round(perRound((of) => of('claim') / of('pgBoss'))),
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await boss.stop({ graceful: false, wait: true });
  }
}

/** Makes `count` due jobs for `system` and refreshes the planner's statistics. */
async function seed(knex: Knex, boss: PgBoss, system: ClaimSystem, owner: BenchOwner, accountIds: string[], count: number, round: number): Promise<void> {
  if (system === 'ceiling') {
    await knex.raw(`insert into ${CEILING_TABLE} (status, run_at) select 'due', now() - interval '1 second' from generate_series(1, ?)`, [count]);
    await knex.raw(`analyze ${CEILING_TABLE}`);
  } else if (system === 'pgBoss') {
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
  if (system === 'ceiling') await knex.raw(`truncate ${CEILING_TABLE}`);
  else if (system === 'pgBoss') await knex.raw('truncate pgboss.job');
  else await knex.raw('truncate publish_attempts, post_targets, posts cascade');
}
