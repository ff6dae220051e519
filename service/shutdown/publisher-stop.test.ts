import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '../jobs/schedule.js';
import { startScheduler } from '../jobs/scheduler.js';
import { silentLogger } from '../logger.js';
import { openSchemaDatabase, testDatabaseUrl, type SchemaDatabase } from '../publisher/testing/database.js';
import { testPublisherDeps } from '../publisher/testing/deps.js';
import { type FakeNetwork, startFakeNetwork } from '../publisher/testing/fake-network.js';
import { seedAccount, seedPost, seedWorkspace } from '../publisher/testing/fixtures.js';
import { testDirectory } from '../publisher/testing/test-platform.js';
import { testConfig } from '../testing/test-app.js';

const databaseUrl = testDatabaseUrl();
let db: SchemaDatabase;
let network: FakeNetwork;
beforeAll(async () => {
  if (!databaseUrl) return;
  // A schema of its own: the publisher claims every due target it sees.
  db = await openSchemaDatabase(databaseUrl);
  // Slow enough that the stop arrives while a publish is in flight.
  network = await startFakeNetwork({ latencyMs: 1_500 });
});
afterAll(async () => {
  await network?.close();
  await db?.close();
});

describe.skipIf(!databaseUrl)('stopping the scheduler (shutdown)', () => {
  it('lets the publish in flight finish and record, and hands back the claimed targets that had not started', async () => {
    const owner = await seedWorkspace(db.knex);
    // One account: the publisher posts one at a time per account, so two of the three wait in the pool.
    const account = await seedAccount(db.knex, owner.workspaceId);
    const post = await seedPost(db.knex, owner, [account]);
    const more = [await seedPost(db.knex, owner, [account]), await seedPost(db.knex, owner, [account])];
    const ids = [post, ...more].map((seeded) => seeded.targetIds[0]!);

    const deps = testPublisherDeps(db.knex, network.url);
    const scheduler = startScheduler({
      knex: db.knex,
      config: testConfig({ tokenKeys: deps.config.tokenKeys }),
      logger: silentLogger,
      storage: deps.storage,
      platforms: testDirectory(network.url),
      jobs: JOBS.filter((job) => job.name === 'publish-due-targets'),
    });
    const statuses = async () => (await db.knex('postTargets').whereIn('id', ids).select('status')).map((row: { status: string }) => row.status);
    // All three claimed, one of them at the network.
    await expect.poll(statuses, { timeout: 5_000, interval: 50 }).toEqual(['publishing', 'publishing', 'publishing']);
    // Well inside the first publish's 1.5 s at the network.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await scheduler.stop();

    const rows = await db.knex('postTargets').whereIn('id', ids).select('id', 'status', 'leaseOwner', 'attempts');
    const published = rows.filter((row: { status: string }) => row.status === 'published');
    const handedBack = rows.filter((row: { status: string }) => row.status === 'scheduled');
    expect(published).toHaveLength(1);
    expect(handedBack).toHaveLength(2);
    // Handed back as if never claimed: no lease, the attempt not counted.
    for (const row of handedBack) expect(row).toMatchObject({ leaseOwner: null, attempts: 0 });
    expect(network.posts).toHaveLength(1);

    // Stopped means stopped: nothing is claimed any more.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await statuses()).filter((status) => status === 'scheduled')).toHaveLength(2);
  }, 30_000);
});
