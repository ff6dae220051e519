/**
 * `npm run load`: the whole service under load and failure, as the Deploy section runs it in production
 * (README "Load and failure"). Three instances of the compiled service (`node dist/service/main.js`) on
 * one PostgreSQL (a private server, so it can be restarted) and one S3 bucket; X, S3 and Stripe stand-ins
 * in a process of their own (vendor.ts); a mix of captures, post lists, posts published now, image uploads
 * and Stripe webhooks, through a round-robin proxy (balancer.ts), for LOAD_SECONDS (600) while the
 * publisher drains bursts of scheduled posts. Meanwhile: one instance is SIGKILLed (and
 * restarted), PostgreSQL restarts, X answers 503 to everything for a minute. Afterwards it waits for the
 * publisher to finish and checks by query that nothing was lost or published twice and that every
 * failure has its reason and email. Prints a table per route and one JSON line; exits 1 if a check fails.
 * LOAD_INSTANCES (3), LOAD_USERS (12). Needs the PostgreSQL server binaries (pg_config, initdb, pg_ctl).
 */
import { fork } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import knex from 'knex';
import { sandboxEndpoints } from '../../service/platforms/settings.js';
import { knexOptions } from '../../service/db.js';
import { startPrivatePostgres } from '../../service/publisher/testing/private-postgres.js';
import { freePort } from '../../test/free-port.js';
import { median, round } from '../lib/report.js';
import { publishLateness, runChecks, stillDue } from './checks.js';
import { startBalancer } from './balancer.js';
import { buildLoadService, startInstance, type Instance } from './instances.js';
import { runMix } from './mix.js';
import { STRIPE_PRICES, X_CLIENT, type VendorReady, type VendorReply, type VendorRequest } from './protocol.js';
import { scheduleBurst, seedUser, type LoadUser } from './seed.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 600);
const INSTANCES = Number(process.env.LOAD_INSTANCES ?? 3);
const USERS = Number(process.env.LOAD_USERS ?? 12);
const started = Date.now();
const say = (message: string) => console.log(`[load +${Math.round((Date.now() - started) / 1000)} s] ${message}`);

const postgres = await startPrivatePostgres();
if (!postgres) throw new Error('The load run needs the PostgreSQL server binaries (pg_config, initdb, pg_ctl).');
const admin = knex(knexOptions(postgres.url, 1));
await admin.raw('create database minopa');
await admin.destroy();
const databaseUrl = postgres.url.replace(/\/postgres$/, '/minopa');
const db = knex(knexOptions(databaseUrl, 2));
const logDir = await mkdtemp(path.join(tmpdir(), 'minopa-load-'));
say(`PostgreSQL at ${postgres.url}; instance logs in ${logDir}`);
const serviceMain = await buildLoadService(logDir);
say(`Service compiled as \`npm run build\` does: ${serviceMain}`);

const ports = await Promise.all(Array.from({ length: INSTANCES }, () => freePort()));
const vendor = fork('bench/load/vendor.ts', [], { execArgv: ['--import', 'tsx'], env: { ...process.env, WEBHOOK_URL: `http://127.0.0.1:${ports[0]}/api/v1/billing/webhooks/stripe` } });
const fromVendor = (kind: VendorReply['kind']) => new Promise<VendorReply>((resolve) => {
  const listener = (message: VendorReply) => {
    if (message.kind !== kind) return;
    vendor.off('message', listener);
    resolve(message);
  };
  vendor.on('message', listener);
});
const askVendor = (request: VendorRequest) => {
  const answer = fromVendor(request.kind);
  vendor.send(request);
  return answer;
};
const ready = (await fromVendor('ready')) as VendorReady;
const x = sandboxEndpoints(ready.xUrl, 'x');

const env: Record<string, string> = {
  NODE_ENV: 'development',
  HOST: '127.0.0.1',
  DATABASE_URL: databaseUrl,
  APP_SECRET: 'load-run-secret-0123456789-0123456789-abcdef',
  LOG_LEVEL: 'info',
  JOBS_ENABLED: 'true',
  // The mix sends as a dozen people from one address: the flood guard would be what is measured.
  RATE_LIMIT_FACTOR: '0',
  X_CLIENT_ID: X_CLIENT.clientId,
  X_CLIENT_SECRET: X_CLIENT.clientSecret,
  X_AUTHORIZE_URL: x.authorizeUrl,
  X_TOKEN_URL: x.tokenUrl,
  X_REVOKE_URL: x.revokeUrl!,
  X_API_URL: x.apiUrl,
  X_UPLOAD_URL: x.uploadUrl,
  S3_BUCKET: ready.s3.bucket,
  S3_ENDPOINT: ready.s3.endpoint,
  S3_ACCESS_KEY_ID: ready.s3.accessKeyId,
  S3_SECRET_ACCESS_KEY: ready.s3.secretAccessKey,
  S3_FORCE_PATH_STYLE: 'true',
  STRIPE_SECRET_KEY: ready.stripe.secretKey,
  STRIPE_WEBHOOK_SECRET: ready.stripe.webhookSecret,
  STRIPE_PRICE_PRO: STRIPE_PRICES[0],
  STRIPE_PRICE_TEAM: STRIPE_PRICES[1],
  STRIPE_API_HOST: ready.stripe.host,
  STRIPE_API_PORT: String(ready.stripe.port),
  STRIPE_API_PROTOCOL: ready.stripe.protocol,
};
// All at once, as a deploy starts them: migrations must cope with several instances racing.
const instances: Instance[] = await Promise.all(ports.map((port, index) => startInstance(`instance-${index + 1}`, port, serviceMain, { ...env, PUBLIC_URL: `http://127.0.0.1:${port}` }, logDir)));
say(`${INSTANCES} instances listening: ${instances.map((instance) => instance.url).join(', ')}`);

const users: LoadUser[] = [];
for (let index = 0; index < USERS; index += 1) users.push(await seedUser(instances[0]!.url, db, index));
const subscriptions = new Map(
  (await db('workspaceSubscriptions').select('workspaceId', 'stripeSubscriptionId', 'stripeCustomerId')).map((row) => [
    row.workspaceId as string,
    { subscription: row.stripeSubscriptionId as string, customer: row.stripeCustomerId as string },
  ]),
);
// Bursts of scheduled posts at whole minutes through the run, for the publisher to drain.
const burstMinutes = [2, 4, 6, 8].map((minutes) => Math.floor(minutes * (SECONDS / 600) * 60_000));
for (const offset of burstMinutes) {
  const at = new Date(Math.ceil((Date.now() + offset) / 60_000) * 60_000);
  await Promise.all(users.map((user, index) => scheduleBurst(instances[index % INSTANCES]!.url, user, at, 5)));
}
say(`${USERS} people on Team with an X account each; ${burstMinutes.length * USERS * 5} posts scheduled in bursts`);

// Memory of every instance every 10 s.
const memory = new Map<string, Array<{ atSeconds: number; mb: number }>>(instances.map((instance) => [instance.name, []]));
const mixStarted = Date.now();
const sampler = setInterval(() => {
  for (const instance of instances) {
    void instance.rssMb().then((mb) => mb !== null && memory.get(instance.name)!.push({ atSeconds: Math.round((Date.now() - mixStarted) / 1000), mb }));
  }
}, 10_000);
const progress = setInterval(() => say(`mix running, ${Math.round((Date.now() - mixStarted) / 1000)} of ${SECONDS} s`), 60_000);

// The faults, at fixed points of the run.
const events: Array<{ at: string; what: string }> = [];
const at = (fraction: number, what: string, act: () => Promise<unknown>) =>
  new Promise<void>((resolve) =>
    setTimeout(() => {
      say(what);
      events.push({ at: `${Math.round((Date.now() - mixStarted) / 1000)} s`, what });
      void act().then(() => resolve(), (error: unknown) => {
        say(`${what} failed: ${String(error)}`);
        resolve();
      });
    }, fraction * SECONDS * 1000),
  );
const victim = instances[Math.min(1, INSTANCES - 1)]!;
const faults = Promise.all([
  at(0.25, `SIGKILL ${victim.name}, restarted 15 s later`, async () => {
    await victim.kill();
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    await victim.restart();
  }),
  at(0.5, 'PostgreSQL restarts', () => postgres.restart()),
  at(0.7, 'X answers 503 to everything for a minute', () => askVendor({ kind: 'outage', ms: 60_000 })),
]);

const accepted = new Set<string>();
const balancer = await startBalancer(instances.map((instance) => instance.url));
const tallies = await runMix({ url: balancer.url, users, seconds: SECONDS, webhookSecret: ready.stripe.webhookSecret, subscriptions, accepted });
await faults;
clearInterval(progress);
say('mix done; waiting for the publisher to finish what is due');
// A SIGKILLed instance's targets come back when its leases run out (2 min), then get reconciled.
const drainDeadline = Date.now() + 6 * 60_000;
let due = await stillDue(db);
while (due > 0 && Date.now() < drainDeadline) {
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  due = await stillDue(db);
  say(`${due} targets still due`);
}
// One more round of the notification job (it runs every few seconds) for failures decided last.
await new Promise((resolve) => setTimeout(resolve, 15_000));
clearInterval(sampler);

const xPosts = ((await askVendor({ kind: 'posts' })) as { posts: { id: string; text: string }[] }).posts;
const checks = await runChecks(db, accepted, xPosts);
const lateness = await publishLateness(db);
const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);

const routeRows = [...tallies].map(([route, tally]) => {
  const sorted = [...tally.latenciesMs].sort((a, b) => a - b);
  const total = sorted.length + tally.errors;
  const count = (from: number, to: number) => Object.entries(tally.statuses).filter(([status]) => Number(status) >= from && Number(status) < to).reduce((sum, [, n]) => sum + n, 0);
  return {
    route,
    requests: total,
    'req/s': round(total / SECONDS, 1),
    'p50 ms': round(percentile(sorted, 50), 1),
    'p99 ms': round(percentile(sorted, 99), 1),
    '2xx': count(200, 300),
    '4xx': count(400, 500),
    '5xx': count(500, 600),
    'no answer': tally.errors,
    'error %': round((100 * (count(500, 600) + tally.errors)) / Math.max(1, total), 2),
  };
});
const memoryRows = [...memory].map(([name, samples]) => {
  // Growth after warm-up (the first fifth): a leak shows as a steady slope.
  const settled = samples.filter((sample) => sample.atSeconds >= SECONDS / 5);
  const first = settled[0];
  const last = settled.at(-1);
  return {
    instance: name,
    samples: samples.length,
    'start MB': samples[0]?.mb ?? 0,
    'max MB': Math.max(0, ...samples.map((sample) => sample.mb)),
    'end MB': last?.mb ?? 0,
    'MB/min after warm-up': first && last && last.atSeconds > first.atSeconds ? round(((last.mb - first.mb) / (last.atSeconds - first.atSeconds)) * 60, 2) : 0,
  };
});
console.log('\nload: routes');
console.table(routeRows);
console.log('load: memory');
console.table(memoryRows);
console.log('load: faults');
console.table(events);
console.log('load: checks');
console.table(checks);
console.log(
  JSON.stringify({
    bench: 'load',
    seconds: SECONDS,
    instances: INSTANCES,
    users: USERS,
    routes: routeRows,
    memory: memoryRows,
    published: lateness.length,
    latenessP50Ms: round(median(lateness.length ? lateness : [0]), 0),
    latenessP99Ms: round(percentile(lateness, 99), 0),
    acceptedCaptures: accepted.size,
    checks: Object.fromEntries(checks.map((check) => [check.name, check.ok])),
  }),
);

await balancer.close();
await Promise.all(instances.map((instance) => instance.stop()));
vendor.kill('SIGTERM');
await db.destroy();
await postgres.stop();
process.exit(checks.every((check) => check.ok) ? 0 : 1);
