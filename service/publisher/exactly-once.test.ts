import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSchemaDatabase, testDatabaseUrl, type SchemaDatabase } from './testing/database.js';
import { type CreateAnswer, type FakeNetwork, startFakeNetwork } from './testing/fake-network.js';
import { seedAccount, seedPost, seedWorkspace } from './testing/fixtures.js';

const databaseUrl = testDatabaseUrl();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGETS = 300;
let db: SchemaDatabase;
let network: FakeNetwork;
const workers: ChildProcess[] = [];

/** A seeded generator, so a failing run can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}
const roll = random(20261129);
const FAULTS: [CreateAnswer, number][] = [
  ['unavailable', 0.1],
  ['rate_limited', 0.06],
  ['created_then_502', 0.08],
  ['hang_after_create', 0.04],
  ['invalid', 0.02],
];
function answer(): CreateAnswer {
  let value = roll();
  for (const [fault, share] of FAULTS) {
    if (value < share) return fault;
    value -= share;
  }
  return 'ok';
}

function startWorker(id: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'service/publisher/testing/worker-process.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url, NETWORK_URL: network.url, WORKER_ID: id },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  workers.push(child);
  return child;
}

beforeAll(async () => {
  if (!databaseUrl) return;
  db = await openSchemaDatabase(databaseUrl);
  network = await startFakeNetwork({ answer, retryAfterSeconds: 1, latencyMs: 15 });
});
afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  await network?.close();
  await db?.close();
});

describe.skipIf(!databaseUrl)('several publisher processes on one database', () => {
  it('publish every due target exactly once or fail it with a reason, through 5xx, 429, timeouts and a SIGKILLed process', async () => {
    const owner = await seedWorkspace(db.knex);
    const accounts = await Promise.all(Array.from({ length: 60 }, () => seedAccount(db.knex, owner.workspaceId)));
    for (let n = 0; n < TARGETS; n++) await seedPost(db.knex, owner, [accounts[n % accounts.length]!], { body: `Post number ${n}` });

    const victim = startWorker('worker-a');
    startWorker('worker-b');
    startWorker('worker-c');
    // Kill one process in the middle of publishing: some of its targets are leased, some sent, none recorded.
    await expect.poll(async () => Number((await db.knex('publishAttempts').where({ worker: 'worker-a' }).count({ n: '*' }))[0]!.n), { timeout: 30_000, interval: 20 }).toBeGreaterThan(5);
    victim.kill('SIGKILL');

    await expect
      .poll(async () => Number((await db.knex('postTargets').whereNotIn('status', ['published', 'failed']).count({ n: '*' }))[0]!.n), { timeout: 90_000, interval: 500 })
      .toBe(0);
    for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGTERM');

    const targets = await db.knex('postTargets').select('id', 'status', 'idempotencyKey', 'remoteId', 'failureMessage');
    expect(targets).toHaveLength(TARGETS);
    const keys = new Set(targets.map((target: { idempotencyKey: string }) => target.idempotencyKey));
    for (const target of targets) {
      const posts = network.postsWithKey(target.idempotencyKey);
      if (target.status === 'published') {
        expect(posts.map((post) => post.id), target.id).toEqual([target.remoteId]);
      } else {
        expect(posts, target.id).toEqual([]);
        expect(target.failureMessage, target.id).toMatch(/\w/);
      }
    }
    // Nothing reached the network that is not one of these targets, and nothing twice.
    expect(network.posts.every((post) => keys.has(post.key))).toBe(true);
    expect(network.posts).toHaveLength(targets.filter((target: { status: string }) => target.status === 'published').length);
    // The faults did happen, including the crash.
    const answers = new Set(network.createCalls.map((call) => call.answer));
    for (const fault of ['unavailable', 'rate_limited', 'created_then_502', 'hang_after_create']) expect(answers).toContain(fault);
    expect(victim.signalCode).toBe('SIGKILL');
    // Unknown outcomes were settled by asking the network, not by resending.
    expect(await db.knex('publishAttempts').where({ outcome: 'confirmed_published' }).first()).toBeDefined();
  }, 150_000);
});
