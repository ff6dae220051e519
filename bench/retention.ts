/**
 * The retention purge (issue 8, P19): 1,000,000 usage events older than 26 months deleted by the
 * service's own purge (service/privacy/usage.ts) while usage events keep arriving — the same insert the
 * API does, from a separate connection, a small batch every few milliseconds. Side by side in one run:
 * the same inserts for the same time with no purge (the baseline). Reports the purge's total time and
 * rows/s, and each phase's insert latency (p50, p99, max: the longest an insert waited). Target: max
 * insert wait during the purge ≤ 200 ms. BENCH_RETENTION_ROWS, BENCH_INSERT_EVERY_MS, BENCH_PURGE_BATCH shorten or change it.
 */
import { randomUUID } from 'node:crypto';
import knex from 'knex';
import { knexOptions, migrateLatest } from '../service/db.js';
import { PURGE_BATCH, purgeUsageEvents } from '../service/privacy/usage.js';
import { createScratchDatabase } from './lib/database.js';
import { seedOwner } from './lib/publisher-seed.js';
import { median, report, round } from './lib/report.js';

const ROWS = Number(process.env.BENCH_RETENTION_ROWS ?? 1_000_000);
const INSERT_EVERY_MS = Number(process.env.BENCH_INSERT_EVERY_MS ?? 5);
const INSERT_BATCH = 10;
/** The purge's batch (default: the job's own). */
const PURGE_BATCH_SIZE = Number(process.env.BENCH_PURGE_BATCH ?? PURGE_BATCH);
const TARGET_MAX_WAIT_MS = 200;

interface InsertStats {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

function stats(latencies: number[]): InsertStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: latencies.length, p50: median(sorted), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

export async function run(): Promise<void> {
  const database = await createScratchDatabase();
  const db = knex(knexOptions(database.url, 2));
  // The inserter's own connection, as a service instance taking usage events would have.
  const inserter = knex(knexOptions(database.url, 1));
  try {
    await migrateLatest(db);
    const { userId } = await seedOwner(db, 'Retention benchmark');
    console.log(`seeding ${ROWS.toLocaleString('en')} usage events older than 26 months…`);
    for (let done = 0; done < ROWS; done += 200_000) {
      await db.raw(
        `insert into usage_events (user_id, name, session_id, occurred_at, received_at, client, browser, os, device_type, viewport_width, viewport_height, ip_anonymised)
         select ?, 'popup.opened', gen_random_uuid(), t, t, 'popup', 'Chrome 126', 'Windows 10', 'desktop', 400, 600, '203.0.113.0'
           from (select now() - interval '27 months' - (g * interval '1 second') as t from generate_series(1, ?) g) s`,
        [userId, Math.min(200_000, ROWS - done)],
      );
    }
    await db.raw('vacuum analyze usage_events');

    /** Inserts a batch every INSERT_EVERY_MS until `stop`, recording each insert's latency. */
    const insertLoop = (signal: AbortSignal): Promise<number[]> =>
      (async () => {
        const latencies: number[] = [];
        while (!signal.aborted) {
          const rows = Array.from({ length: INSERT_BATCH }, () => ({ userId, name: 'post.scheduled', sessionId: randomUUID(), occurredAt: new Date(), client: 'background' }));
          const started = performance.now();
          await inserter('usageEvents').insert(rows);
          latencies.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, INSERT_EVERY_MS));
        }
        return latencies;
      })();

    // The purge, with inserts running.
    const during = new AbortController();
    const insertsDuringPurge = insertLoop(during.signal);
    const started = performance.now();
    let lastReport = 0;
    const deleted = await purgeUsageEvents(db, {
      batch: PURGE_BATCH_SIZE,
      onProgress: (count) => {
        if (count - lastReport >= 100_000 || (count === ROWS && lastReport !== count)) {
          lastReport = count;
          console.log(`  purged ${count.toLocaleString('en')} of ${ROWS.toLocaleString('en')} (${round((performance.now() - started) / 1000, 1)} s)`);
        }
      },
    });
    const purgeSeconds = (performance.now() - started) / 1000;
    during.abort();
    const withPurge = stats(await insertsDuringPurge);

    // The baseline: the same inserts for the same time, nothing else running.
    const alone = new AbortController();
    const insertsAlone = insertLoop(alone.signal);
    await new Promise((resolve) => setTimeout(resolve, purgeSeconds * 1000));
    alone.abort();
    const baseline = stats(await insertsAlone);

    const row = (run: string, s: InsertStats) => ({ run, inserts: s.count, 'p50 ms': round(s.p50, 2), 'p99 ms': round(s.p99, 2), 'max ms': round(s.max, 1) });
    report('retention', [row('inserts alone (baseline)', baseline), row(`inserts while purging ${deleted.toLocaleString('en')} rows`, withPurge)], {
      rows: ROWS,
      deleted,
      batch: PURGE_BATCH_SIZE,
      purgeSeconds: round(purgeSeconds, 2),
      rowsPerSecond: round(deleted / purgeSeconds, 0),
      insertMaxWaitMs: round(withPurge.max, 1),
      insertP99Ms: round(withPurge.p99, 2),
      baselineInsertMaxWaitMs: round(baseline.max, 1),
      baselineInsertP99Ms: round(baseline.p99, 2),
      meetsTarget: deleted === ROWS && withPurge.max <= TARGET_MAX_WAIT_MS,
    });
  } finally {
    await inserter.destroy();
    await db.destroy();
    await database.drop();
  }
}
