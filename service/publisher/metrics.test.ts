import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPostMetrics } from './metrics.js';
import { publishDueTargets } from './publish-due.js';
import { openSchemaDatabase, testDatabaseUrl, type SchemaDatabase } from './testing/database.js';
import { testPublisherDeps } from './testing/deps.js';
import { type FakeNetwork, startFakeNetwork } from './testing/fake-network.js';
import { seedAccount, seedPost, seedWorkspace } from './testing/fixtures.js';

const databaseUrl = testDatabaseUrl();
let db: SchemaDatabase;
let network: FakeNetwork;

beforeAll(async () => {
  if (!databaseUrl) return;
  db = await openSchemaDatabase(databaseUrl);
  network = await startFakeNetwork();
});
afterAll(async () => {
  await network?.close();
  await db?.close();
});

describe.skipIf(!databaseUrl)('fetching post metrics', () => {
  it('stores the numbers of recently published posts over time, and a failing lookup is logged, not fatal', async () => {
    const owner = await seedWorkspace(db.knex);
    const published = await seedPost(db.knex, owner, [await seedAccount(db.knex, owner.workspaceId)]);
    const deps = testPublisherDeps(db.knex, network.url);
    await publishDueTargets(deps, { workerId: 'w' });
    // A published target whose remote post is gone: the network answers 404.
    const gone = await seedPost(db.knex, owner, [await seedAccount(db.knex, owner.workspaceId)]);
    await db.knex('postTargets').where({ id: gone.targetIds[0] }).update({ status: 'published', remoteId: 'deleted-post', publishedAt: new Date() });

    expect(await fetchPostMetrics(deps)).toEqual({ claimed: 2, stored: 1 });
    expect(await db.knex('postMetrics').where({ targetId: published.targetIds[0] })).toEqual([
      expect.objectContaining({ likes: '7', comments: '2', shares: '1', views: '120', impressions: null }),
    ]);
    // Measured a moment ago: not again until the refresh interval passed.
    expect(await fetchPostMetrics(deps)).toEqual({ claimed: 0, stored: 0 });
    await db.knex('postTargets').where({ id: published.targetIds[0] }).update({ metricsFetchedAt: new Date(Date.now() - 7 * 60 * 60_000) });
    expect(await fetchPostMetrics(deps)).toEqual({ claimed: 1, stored: 1 });
    expect(await db.knex('postMetrics').where({ targetId: published.targetIds[0] })).toHaveLength(2);
  });
});
