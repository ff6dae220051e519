import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { sandboxEndpoints } from '../../service/platforms/settings.js';
import { X_SCOPES } from '../../service/platforms/x/oauth.js';
import { startStandalone } from '../../service/sandbox/networks/kit/standalone.js';
import type { NetworkSimulator } from '../../service/sandbox/networks/kit/types.js';
import { createXSimulator } from '../../service/sandbox/networks/x/index.js';
import { startWorker, type WorkerProcess } from './publisher-processes.js';
import { seedDueTargets, seedOwner, seedXAccounts, type BenchAccount, type BenchOwner } from './publisher-seed.js';

/** How the whole-path measurement runs. */
export interface PathOptions {
  databaseUrl: string;
  /** Where the publisher processes keep files (media; none are used). */
  dataDir: string;
  /** Targets due at the same instant in the burst. */
  burstTargets: number;
  /** X accounts the targets are spread over, round-robin (the publisher posts one at a time per account). */
  accounts: number;
  /** Publisher processes. */
  workers: number;
  /** What the simulator adds to every answer. */
  latencyMs: number;
  /** The steady phase: targets made due per second, and for how long. */
  steadyRate: number;
  steadySeconds: number;
  /** How long to wait for a phase's last target before giving up on it. */
  timeoutSeconds: number;
}

/** One phase's result, from the database: lateness is published_at − due_at of every target. */
export interface PhaseResult {
  targets: number;
  published: number;
  /** From the instant the first target was due until the last was published. */
  drainSeconds: number;
  latenessP50Ms: number;
  latenessP99Ms: number;
  latenessMaxMs: number;
  /** When the publisher started each attempt (claimed, then its turn in the pool) − due_at. */
  startP50Ms: number;
  startP99Ms: number;
  /** One attempt, from its start to its record (the network's answer, the checkpoint, the record). */
  attemptP50Ms: number;
  attemptP99Ms: number;
  /** Attempts in flight on average over the phase (all processes): the concurrency actually reached. */
  inFlight: number;
}

/** Both phases, and what the simulator saw. */
export interface PathResult {
  burst: PhaseResult;
  steady: PhaseResult;
  /** Posts the simulator holds beyond one per target. Must be 0. */
  duplicates: number;
  /** Targets published in the database whose post the simulator does not have. Must be 0. */
  missingAtNetwork: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long before the burst's due instant its rows are written (they must all be committed before it). */
const BURST_LEAD_MS = 3_000;

/**
 * The whole path — claim, publish to the X simulator answering every request after `latencyMs`, record —
 * with `workers` publisher processes (the service's scheduler and jobs): a burst of targets due at the same
 * instant, then a steady rate of targets due as they are written.
 */
export async function measureWholePath(knex: Knex, options: PathOptions): Promise<PathResult> {
  const client = { clientId: 'minopa-bench-x', clientSecret: randomBytes(16).toString('hex') };
  let sim!: NetworkSimulator;
  const server = await startStandalone((url) => {
    // No official-spec check here (service/platforms/x/x.test.ts holds the adapter to it): it would
    // spend the machine's CPU on validation instead of on what is measured.
    sim = createXSimulator({ baseUrl: url, basePath: '', clients: [client] });
    return sim.router;
  });
  const workers: Array<WorkerProcess<never, never>> = [];
  try {
    sim.faults.random({ latencyMs: [options.latencyMs, options.latencyMs] });
    const tokenKey = randomBytes(32);
    const owner = await seedOwner(knex, 'Publisher benchmark');
    const accountIds = await seedXAccounts(knex, owner, [{ id: 'bench', key: tokenKey }], connectSimAccounts(sim, client, options.accounts));
    const endpoints = sandboxEndpoints(server.url, 'x');
    const env = {
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: options.dataDir,
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      APP_SECRET: randomBytes(32).toString('hex'),
      TOKEN_ENCRYPTION_KEYS: `bench:${tokenKey.toString('base64')}`,
      X_CLIENT_ID: client.clientId,
      X_CLIENT_SECRET: client.clientSecret,
      X_AUTHORIZE_URL: endpoints.authorizeUrl,
      X_TOKEN_URL: endpoints.tokenUrl,
      X_REVOKE_URL: endpoints.revokeUrl!,
      X_API_URL: endpoints.apiUrl,
      X_UPLOAD_URL: endpoints.uploadUrl,
    };
    for (let index = 0; index < options.workers; index++) workers.push(await startWorker('bench/publisher-worker.ts', env));

    await seedDueTargets(knex, owner, { accountIds, count: options.burstTargets, label: 'Burst', dueInMs: BURST_LEAD_MS });
    const early = await knex.raw<{ rows: Array<{ early: boolean }> }>(`select bool_and(now() < due_at) as early from post_targets where status = 'scheduled'`);
    if (!early.rows[0]?.early) throw new Error(`writing the burst took longer than ${BURST_LEAD_MS} ms: raise BURST_LEAD_MS`);
    await waitForPublished(knex, 'Burst', options.burstTargets, BURST_LEAD_MS / 1000 + options.timeoutSeconds);
    const burst = await phaseResult(knex, 'Burst');

    const steadyTargets = Math.round(options.steadyRate * options.steadySeconds);
    await writeSteadily(knex, owner, accountIds, options.steadyRate, steadyTargets);
    await waitForPublished(knex, 'Steady', steadyTargets, options.timeoutSeconds);
    const steady = await phaseResult(knex, 'Steady');

    return { burst, steady, ...(await compareWithNetwork(knex, sim)) };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await server.close();
  }
}

/**
 * Connected accounts as the consent page would make them: a simulated person each, and tokens issued
 * through the simulator's own OAuth store (code, then exchange), valid for the whole run.
 */
function connectSimAccounts(sim: NetworkSimulator, client: { clientId: string; clientSecret: string }, count: number): BenchAccount[] {
  const redirectUri = 'http://127.0.0.1/bench/callback';
  return Array.from({ length: count }, (_, index) => {
    const username = `bench_${index}`;
    const person = sim.directory.upsert(username, `Bench ${index}`);
    const code = sim.store.issueCode({ subject: username, clientId: client.clientId, scopes: [...X_SCOPES], redirectUri });
    const issued = sim.store.exchangeCode({ code, clientId: client.clientId, clientSecret: client.clientSecret, redirectUri });
    return { remoteId: person.id, username, tokens: { accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresAt: new Date(Date.now() + issued.expiresIn * 1000), scopes: issued.scopes } };
  });
}

/** Writes `total` targets due now, `rate` per second, each batch continuing the numbering and the accounts' round-robin. */
async function writeSteadily(knex: Knex, owner: BenchOwner, accountIds: string[], rate: number, total: number): Promise<void> {
  const started = performance.now();
  for (let written = 0; written < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
    if (due > written) {
      await seedDueTargets(knex, owner, { accountIds, count: due - written, firstIndex: written, label: 'Steady', dueInMs: 0 });
      written = due;
    }
    await sleep(10);
  }
}

/** Polls until `expected` targets of the phase are published; throws (with where they are) after `timeoutSeconds`. */
async function waitForPublished(knex: Knex, label: string, expected: number, timeoutSeconds: number): Promise<void> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const { rows } = await knex.raw<{ rows: Array<{ status: string; count: number }> }>(
      `select t.status, count(*)::int as count from post_targets t join posts p on p.id = t.post_id where p.body like ? group by t.status`,
      [`${label} #%`],
    );
    if (rows.find((row) => row.status === 'published')?.count === expected) return;
    if (Date.now() > deadline) throw new Error(`${label}: not all ${expected} targets published within ${timeoutSeconds} s: ${JSON.stringify(rows)}`);
    await sleep(100);
  }
}

async function phaseResult(knex: Knex, label: string): Promise<PhaseResult> {
  const { rows } = await knex.raw<{ rows: Array<Record<keyof PhaseResult, string | number | null>> }>(
    `with phase as (
       select t.id, t.status, t.due_at, t.published_at, extract(epoch from t.published_at - t.due_at) * 1000 as late_ms,
              extract(epoch from a.started_at - t.due_at) * 1000 as start_ms,
              extract(epoch from t.published_at - a.started_at) * 1000 as attempt_ms
         from post_targets t join posts p on p.id = t.post_id
         left join lateral (select min(started_at) as started_at from publish_attempts where target_id = t.id) a on true
        where p.body like ?
     )
     select count(*) as targets, count(*) filter (where status = 'published') as published,
            extract(epoch from max(published_at) - min(due_at)) as "drainSeconds",
            percentile_cont(0.5) within group (order by late_ms) as "latenessP50Ms",
            percentile_cont(0.99) within group (order by late_ms) as "latenessP99Ms",
            max(late_ms) as "latenessMaxMs",
            percentile_cont(0.5) within group (order by start_ms) as "startP50Ms",
            percentile_cont(0.99) within group (order by start_ms) as "startP99Ms",
            percentile_cont(0.5) within group (order by attempt_ms) as "attemptP50Ms",
            percentile_cont(0.99) within group (order by attempt_ms) as "attemptP99Ms",
            sum(attempt_ms) / 1000 / nullif(extract(epoch from max(published_at) - min(due_at)), 0) as "inFlight"
       from phase`,
    [`${label} #%`],
  );
  const row = rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as unknown as PhaseResult;
}

/** Posts per target at the network (each target's text is unique) against what the database says was published. */
async function compareWithNetwork(knex: Knex, sim: NetworkSimulator): Promise<Pick<PathResult, 'duplicates' | 'missingAtNetwork'>> {
  const perText = new Map<string, number>();
  for (const post of sim.posts) perText.set(post.text, (perText.get(post.text) ?? 0) + 1);
  const duplicates = [...perText.values()].reduce((sum, count) => sum + count - 1, 0);
  const atNetwork = new Set(sim.posts.map((post) => post.id));
  const published: Array<{ remoteId: string }> = await knex('postTargets').where({ status: 'published' }).select('remoteId');
  return { duplicates, missingAtNetwork: published.filter((row) => !atNetwork.has(row.remoteId)).length };
}
