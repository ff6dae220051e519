/**
 * What Sentry costs the service (issue 8, P8): the same service twice on one fresh database, without and
 * with SENTRY_DSN (pointed at a local server speaking Sentry's envelope protocol), driven alternately with
 * the same mix of authenticated requests (GET /api/v1/me, POST …/captures). Rounds alternate so drift on a
 * shared machine hits both alike; the ratio is per round, then the median. Target: with ≥ 0.9 × without.
 * Environment: BENCH_DURATION (s per run), BENCH_ROUNDS, BENCH_CONNECTIONS.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startSentryServer } from '../test/sentry-server.js';
import { startChildServer, type ChildServer } from './lib/child-server.js';
import { createScratchDatabase } from './lib/database.js';
import { median, report, round } from './lib/report.js';
import { signUp } from './lib/sign-up.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const TARGET_RATIO = 0.9;

interface LoadResult {
  rps: number;
  p99: number;
  failures: number;
}

async function load(serviceUrl: string, session: { token: string; workspaceId: string }, duration = DURATION_S): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
  const result = await autocannon({
    url: serviceUrl,
    connections: CONNECTIONS,
    duration,
    requests: [
      { method: 'GET', path: '/api/v1/me', headers },
      {
        method: 'POST',
        path: `/api/v1/workspaces/${session.workspaceId}/captures`,
        headers,
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ clientId: randomUUID(), kind: 'page', url: 'https://example.com/a', title: 'A page' }) }),
      },
    ],
  });
  return { rps: result.requests.average, p99: result.latency.p99, failures: result.errors + result.timeouts + result.non2xx };
}

export async function run(): Promise<void> {
  const database = await createScratchDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'minopa-bench-sentry-'));
  const sentry = await startSentryServer();
  const servers: ChildServer[] = [];
  try {
    const env = { DATABASE_URL: database.url, NODE_ENV: 'production', APP_SECRET: randomBytes(32).toString('hex'), TOKEN_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`, LOG_LEVEL: 'warn', JOBS_ENABLED: 'false', DATA_DIR: dataDir };
    const without = await startChildServer('service/main.ts', env);
    servers.push(without);
    const withSentry = await startChildServer('service/main.ts', { ...env, SENTRY_DSN: sentry.dsn() });
    servers.push(withSentry);
    const session = await signUp(without.url);

    await load(without.url, session, 2);
    await load(withSentry.url, session, 2);
    const rounds: Array<{ without: LoadResult; with: LoadResult }> = [];
    for (let index = 0; index < ROUNDS; index++) {
      // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
      const first = index % 2 === 0 ? await load(without.url, session) : await load(withSentry.url, session);
      const second = index % 2 === 0 ? await load(withSentry.url, session) : await load(without.url, session);
      rounds.push(index % 2 === 0 ? { without: first, with: second } : { without: second, with: first });
    }
    const ratio = round(median(rounds.map((r) => r.with.rps / r.without.rps)));
    const failures = rounds.reduce((sum, r) => sum + r.with.failures + r.without.failures, 0);
    report(
      'sentry',
      rounds.flatMap((r, index) => [
        { round: index + 1, run: 'service without Sentry', 'req/s': round(r.without.rps, 0), 'p99 ms': r.without.p99 },
        { round: index + 1, run: 'service with SENTRY_DSN (lean client)', 'req/s': round(r.with.rps, 0), 'p99 ms': r.with.p99 },
      ]),
      {
        rounds: ROUNDS,
        withoutRps: round(median(rounds.map((r) => r.without.rps)), 0),
        withRps: round(median(rounds.map((r) => r.with.rps)), 0),
        ratio,
        failures,
        eventsReceived: sentry.events().length,
        connections: CONNECTIONS,
        durationS: DURATION_S,
        meetsTarget: ratio >= TARGET_RATIO && failures === 0,
      },
    );
  } finally {
    for (const server of servers) await server.stop();
    await sentry.close();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
