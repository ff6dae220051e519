/**
 * The publisher (issue 4, "Benchmark"), in one run on one fresh database:
 * 1. Claims: (a) a bare `FOR UPDATE SKIP LOCKED` loop on a minimal table (the ceiling), (b) our claim path
 *    (claimDueTargets on real post_targets rows + the record path's target update), (c) pg-boss 10.4.2's
 *    fastest loop (batch fetch + bulk complete) — the same jobs, batch size and worker processes, in
 *    rotating order per round; medians. Targets: b/a ≥ 0.8, b/c ≥ 3.
 * 2. The whole path with the service's own publish job in 2 processes against the X simulator answering in
 *    100 ms: 10,000 targets due at one instant (all published within 30 s, none twice), then 50 targets/s
 *    for 60 s (lateness p99 ≤ 1 s).
 * Environment: BENCH_ROUNDS, BENCH_CLAIM_JOBS, BENCH_BATCH, BENCH_WORKERS, BENCH_TARGETS, BENCH_ACCOUNTS,
 * BENCH_LATENCY_MS, BENCH_STEADY_RATE, BENCH_STEADY_SECONDS shorten it for a smoke run; BENCH_CPU_PROF=<folder>
 * makes every worker process write a V8 CPU profile there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex from 'knex';
import { knexOptions, migrateLatest } from '../service/db.js';
import { DEFAULT_PUBLISHER_SETTINGS } from '../service/publisher/settings.js';
import { createScratchDatabase } from './lib/database.js';
import { compareClaims } from './lib/publisher-claim.js';
import { measureWholePath } from './lib/publisher-path.js';
import { report, round } from './lib/report.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const ROUNDS = env('BENCH_ROUNDS', 3);
const CLAIM_JOBS = env('BENCH_CLAIM_JOBS', 20_000);
/** The most the publisher claims at once (its pool's capacity), used by every system. */
const BATCH = env('BENCH_BATCH', DEFAULT_PUBLISHER_SETTINGS.capacity);
const WORKERS = env('BENCH_WORKERS', 2);
const TARGETS = env('BENCH_TARGETS', 10_000);
const ACCOUNTS = env('BENCH_ACCOUNTS', 1_000);
const LATENCY_MS = env('BENCH_LATENCY_MS', 100);
const STEADY_RATE = env('BENCH_STEADY_RATE', 50);
const STEADY_SECONDS = env('BENCH_STEADY_SECONDS', 60);

const TARGET_CLAIM_VS_CEILING = 0.8;
const TARGET_CLAIM_VS_PG_BOSS = 3;
const TARGET_DRAIN_SECONDS = 30;
const TARGET_STEADY_P99_MS = 1_000;

const SYSTEM_NAMES = {
  ceiling: '(a) ceiling: bare SKIP LOCKED update',
  claim: '(b) claimDueTargets + record update',
  pgBoss: '(c) pg-boss 10.4.2 fetch + complete',
  claimAndRecord: "(b') claimDueTargets + recordOutcome each (info; 1/10 of the jobs)",
} as const;

export async function run(): Promise<void> {
  const database = await createScratchDatabase();
  const db = knex(knexOptions(database.url, 4));
  const dataDir = await mkdtemp(join(tmpdir(), 'minopa-bench-publisher-'));
  try {
    await migrateLatest(db);
    const claims = await compareClaims(db, { databaseUrl: database.url, jobs: CLAIM_JOBS, batch: BATCH, workers: WORKERS, rounds: ROUNDS });
    const path = await measureWholePath(db, {
      databaseUrl: database.url,
      dataDir,
      burstTargets: TARGETS,
      accounts: ACCOUNTS,
      workers: WORKERS,
      latencyMs: LATENCY_MS,
      steadyRate: STEADY_RATE,
      steadySeconds: STEADY_SECONDS,
      timeoutSeconds: Math.max(120, TARGETS / 50),
    });

    const phaseRow = (run: string, phase: typeof path.burst) => ({
      round: '',
      run,
      'jobs/s': round(phase.published / phase.drainSeconds, 0),
      seconds: round(phase.drainSeconds, 2),
      'late p50 ms': round(phase.latenessP50Ms, 0),
      'late p99 ms': round(phase.latenessP99Ms, 0),
      'start p99 ms': round(phase.startP99Ms, 0),
      'attempt p50 ms': round(phase.attemptP50Ms, 0),
      'in flight': round(phase.inFlight, 1),
    });
    const drainSeconds = round(path.burst.drainSeconds, 2);
    const latenessP99Ms = round(path.steady.latenessP99Ms, 0);
    report(
      'publisher',
      [
        ...claims.runs.map((r) => ({ round: r.round, run: SYSTEM_NAMES[r.system], 'jobs/s': round(r.jobsPerSecond, 0), seconds: round(r.seconds, 2), 'late p50 ms': '', 'late p99 ms': '', 'start p99 ms': '', 'attempt p50 ms': '', 'in flight': '' })),
        phaseRow(`burst: ${TARGETS} due at once, ${WORKERS} processes, X sim ${LATENCY_MS} ms`, path.burst),
        phaseRow(`steady: ${STEADY_RATE}/s for ${STEADY_SECONDS} s`, path.steady),
      ],
      {
        rounds: ROUNDS,
        workers: WORKERS,
        batch: BATCH,
        claimJobs: CLAIM_JOBS,
        ceilingJobsPerS: claims.ceiling,
        claimJobsPerS: claims.claim,
        claimAndRecordJobsPerS: claims.claimAndRecord,
        pgBossJobsPerS: claims.pgBoss,
        claimVsCeiling: claims.claimVsCeiling,
        claimVsPgBoss: claims.claimVsPgBoss,
        targets: TARGETS,
        accounts: ACCOUNTS,
        latencyMs: LATENCY_MS,
        drainSeconds,
        burstLatenessP50Ms: round(path.burst.latenessP50Ms, 0),
        burstLatenessP99Ms: round(path.burst.latenessP99Ms, 0),
        steadyRate: STEADY_RATE,
        steadySeconds: STEADY_SECONDS,
        latenessP50Ms: round(path.steady.latenessP50Ms, 0),
        latenessP99Ms,
        duplicates: path.duplicates,
        missingAtNetwork: path.missingAtNetwork,
        meetsTarget:
          claims.claimVsCeiling >= TARGET_CLAIM_VS_CEILING &&
          claims.claimVsPgBoss >= TARGET_CLAIM_VS_PG_BOSS &&
          drainSeconds <= TARGET_DRAIN_SECONDS &&
          latenessP99Ms <= TARGET_STEADY_P99_MS &&
          path.duplicates === 0 &&
          path.missingAtNetwork === 0,
      },
    );
  } finally {
    await db.destroy();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
