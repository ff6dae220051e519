import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSchemaDatabase, type SchemaDatabase } from './testing/database.js';
import { type FakeNetwork, startFakeNetwork } from './testing/fake-network.js';
import { seedAccount, seedPost, seedWorkspace } from './testing/fixtures.js';
import { startPrivatePostgres, type PrivatePostgres } from './testing/private-postgres.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGETS = 200;
const requirePostgres = process.env.MINOPA_REQUIRE_POSTGRES === '1' || process.env.CI === 'true';

let server: PrivatePostgres | null = null;
let db: SchemaDatabase;
let network: FakeNetwork;
const workers: ChildProcess[] = [];

function startWorker(id: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'service/publisher/testing/worker-process.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url, NETWORK_URL: network.url, WORKER_ID: id },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // The restart makes every worker log its dropped connections: expected here, so kept out of the test log.
  child.stderr!.resume();
  workers.push(child);
  return child;
}

/** Counts rows, or null while the database is coming back (the restart drops this process's connections too). */
async function count(query: () => PromiseLike<Array<Record<string, unknown>>>): Promise<number | null> {
  try {
    return Number((await query())[0]!.n);
  } catch {
    return null;
  }
}

beforeAll(async () => {
  // Its own server: restarting the shared one would break every other test file running meanwhile.
  server = await startPrivatePostgres();
  if (!server) {
    if (requirePostgres) throw new Error('The restart test needs the PostgreSQL server binaries (pg_config, initdb, pg_ctl).');
    return;
  }
  db = await openSchemaDatabase(server.url);
  network = await startFakeNetwork({ latencyMs: 40 });
});
afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  await network?.close();
  await db?.knex.destroy();
  await server?.stop();
});

describe('publisher processes through a PostgreSQL restart', () => {
  it('publish every due target exactly once when the database restarts in the middle of publishing', async (context) => {
    if (!server) return context.skip();
    const owner = await seedWorkspace(db.knex);
    const accounts = await Promise.all(Array.from({ length: 40 }, () => seedAccount(db.knex, owner.workspaceId)));
    for (let n = 0; n < TARGETS; n++) await seedPost(db.knex, owner, [accounts[n % accounts.length]!], { body: `Post number ${n}` });

    for (const id of ['worker-a', 'worker-b', 'worker-c']) startWorker(id);
    // Restart while posts are in flight: some sent and not yet recorded, some leased, some waiting.
    await expect.poll(() => count(() => db.knex('publishAttempts').count({ n: '*' })), { timeout: 30_000, interval: 20 }).toBeGreaterThan(20);
    const publishedBefore = await count(() => db.knex('postTargets').where({ status: 'published' }).count({ n: '*' }));
    await server.restart();

    await expect.poll(() => count(() => db.knex('postTargets').whereNotIn('status', ['published', 'failed']).count({ n: '*' })), { timeout: 90_000, interval: 500 }).toBe(0);
    for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGTERM');

    const targets = await db.knex('postTargets').select('id', 'status', 'idempotencyKey', 'remoteId', 'failureMessage');
    expect(targets).toHaveLength(TARGETS);
    // The restart did land mid-run, and the workers carried on after it.
    expect(publishedBefore).toBeLessThan(TARGETS);
    expect(workers.every((worker) => worker.signalCode === null || worker.signalCode === 'SIGTERM')).toBe(true);
    for (const target of targets) {
      const posts = network.postsWithKey(target.idempotencyKey);
      if (target.status === 'published') expect(posts.map((post) => post.id), target.id).toEqual([target.remoteId]);
      else {
        expect(posts, target.id).toEqual([]);
        expect(target.failureMessage, target.id).toMatch(/\w/);
      }
    }
    // Nothing twice, nothing that is not one of these targets.
    expect(network.posts).toHaveLength(targets.filter((target: { status: string }) => target.status === 'published').length);
  }, 150_000);
});
