/**
 * Authenticated `POST /api/v1/workspaces/:id/captures` against the ceiling (a bare Koa route doing one
 * INSERT), in one run on the same fresh database: maximum requests/s and p99 of both, then the capture
 * route's p99 at half the ceiling's throughput. Targets: ratio ≥ 0.5, p99 at half load ≤ 25 ms.
 * Every figure in the JSON line is the median over the rounds.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createScratchDatabase } from './lib/database.js';
import { startChildServer, type ChildServer } from './lib/child-server.js';
import { median, report, round } from './lib/report.js';
import { signUp } from './lib/sign-up.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
/** Rounds alternate ceiling and captures so drift on a shared machine hits both alike; medians are reported. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const sampleCapture = {
  kind: 'selection',
  url: 'https://example.com/articles/benchmarks-that-mean-something?utm_source=x',
  title: 'Benchmarks that mean something',
  selectionText: 'Measure against a ceiling, in one run, on the same machine.',
  page: {
    canonicalUrl: 'https://example.com/articles/benchmarks-that-mean-something',
    ogTitle: 'Benchmarks that mean something',
    ogDescription: 'A short essay on honest numbers.',
    ogImage: 'https://example.com/cover.jpg',
  },
};

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, headers: Record<string, string>, options: { overallRate?: number; duration?: number } = {}): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: options.duration ?? DURATION_S,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    headers: { 'content-type': 'application/json', ...headers },
    requests: [
      {
        // A fresh clientId per request: every request is a new capture, not an idempotent replay.
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ ...sampleCapture, clientId: randomUUID() }) }),
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export async function run(): Promise<void> {
  const database = await createScratchDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'minopa-bench-data-'));
  const servers: ChildServer[] = [];
  try {
    // Jobs off: the benchmark measures the route, not the background pollers sharing the database.
    const env = { DATABASE_URL: database.url, NODE_ENV: 'production', APP_SECRET: randomBytes(32).toString('hex'), TOKEN_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`, LOG_LEVEL: 'warn', JOBS_ENABLED: 'false', DATA_DIR: dataDir };
    const service = await startChildServer('service/main.ts', env);
    servers.push(service);
    const ceilingServer = await startChildServer('bench/ceiling-server.ts', env);
    servers.push(ceilingServer);

    const { token, workspaceId } = await signUp(service.url);
    const capturesUrl = `${service.url}/api/v1/workspaces/${workspaceId}/captures`;
    const auth = { authorization: `Bearer ${token}` };

    // Warm both (JIT, connection pools) before measuring.
    await load(`${ceilingServer.url}/ceiling`, {}, { duration: 2 });
    await load(capturesUrl, auth, { duration: 2 });

    const rounds: Array<{ ceiling: LoadResult; captures: LoadResult; atHalf: LoadResult; halfRate: number }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const ceiling = await load(`${ceilingServer.url}/ceiling`, {});
      const captures = await load(capturesUrl, auth);
      const halfRate = Math.max(1, Math.round(ceiling.rps / 2));
      const atHalf = await load(capturesUrl, auth, { overallRate: halfRate });
      rounds.push({ ceiling, captures, atHalf, halfRate });
    }

    const med = (pick: (round: (typeof rounds)[number]) => number) => median(rounds.map(pick));
    const errors = rounds.reduce((sum, r) => sum + r.ceiling.errors + r.ceiling.non2xx + r.captures.errors + r.captures.non2xx + r.atHalf.errors + r.atHalf.non2xx, 0);
    const ratio = round(med((r) => r.captures.rps / r.ceiling.rps));
    const halfLoadP99 = med((r) => r.atHalf.p99);
    report(
      'captures',
      rounds.flatMap((r, index) => [
        { round: index + 1, run: 'ceiling: bare Koa + 1 INSERT (max)', 'req/s': round(r.ceiling.rps, 0), 'p50 ms': r.ceiling.p50, 'p99 ms': r.ceiling.p99 },
        { round: index + 1, run: 'POST …/captures (max)', 'req/s': round(r.captures.rps, 0), 'p50 ms': r.captures.p50, 'p99 ms': r.captures.p99 },
        { round: index + 1, run: `POST …/captures at ${r.halfRate} req/s`, 'req/s': round(r.atHalf.rps, 0), 'p50 ms': r.atHalf.p50, 'p99 ms': r.atHalf.p99 },
      ]),
      {
        rounds: ROUNDS,
        ceilingRps: round(med((r) => r.ceiling.rps), 0),
        ceilingP99Ms: med((r) => r.ceiling.p99),
        capturesRps: round(med((r) => r.captures.rps), 0),
        capturesP99Ms: med((r) => r.captures.p99),
        ratio,
        halfLoadRps: med((r) => r.halfRate),
        halfLoadP99Ms: halfLoadP99,
        errors,
        connections: CONNECTIONS,
        durationS: DURATION_S,
        meetsTarget: ratio >= 0.5 && halfLoadP99 <= 25 && errors === 0,
      },
    );
  } finally {
    for (const server of servers) await server.stop();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
