import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDueTargets } from './publish-due.js';
import { reconcileTargets } from './reconcile.js';
import type { PublisherSettings } from './settings.js';
import { openSchemaDatabase, testDatabaseUrl, type SchemaDatabase } from './testing/database.js';
import { testPublisherDeps } from './testing/deps.js';
import { type FakeNetwork, startFakeNetwork } from './testing/fake-network.js';
import { seedAccount, seedPost, seedWorkspace } from './testing/fixtures.js';

const databaseUrl = testDatabaseUrl();
let db: SchemaDatabase;
let network: FakeNetwork;
let lookup: 'ok' | 'unknown' = 'ok';
const hangs = new Set<string>();
const SETTINGS: Partial<PublisherSettings> = { workerId: 'reconciler', unconfirmedDelayMs: 0, reconcileMaxChecks: 3, backoffBaseMs: 60_000 };
const deps = () => testPublisherDeps(db.knex, network.url);
const target = (id: string) => db.knex('postTargets').where({ id }).first();

/** A target whose create call reached the network but got no answer (502 after creating): unconfirmed. */
async function unconfirmedAfterCreate(): Promise<string> {
  const owner = await seedWorkspace(db.knex);
  const [id] = (await seedPost(db.knex, owner, [await seedAccount(db.knex, owner.workspaceId)])).targetIds as [string];
  hangs.add((await target(id)).idempotencyKey);
  await publishDueTargets(deps(), SETTINGS);
  return id;
}

beforeAll(async () => {
  if (!databaseUrl) return;
  db = await openSchemaDatabase(databaseUrl);
  network = await startFakeNetwork({ answer: ({ key }) => (hangs.has(key) ? 'created_then_502' : 'ok'), lookup: () => lookup });
});
afterAll(async () => {
  await network?.close();
  await db?.close();
});

describe.skipIf(!databaseUrl)('reconciling unknown outcomes', () => {
  it('queues the target again only once the network says the post does not exist, and then publishes it once', async () => {
    const owner = await seedWorkspace(db.knex);
    const [id] = (await seedPost(db.knex, owner, [await seedAccount(db.knex, owner.workspaceId)])).targetIds as [string];
    // A worker claimed it and died before sending anything.
    await db.knex('postTargets').where({ id }).update({ status: 'unconfirmed', runAt: new Date() });
    expect(await reconcileTargets(deps(), SETTINGS)).toMatchObject({ scheduled: 1 });
    expect(await target(id)).toMatchObject({ status: 'scheduled', reconcileChecks: 0 });
    expect(await publishDueTargets(deps(), SETTINGS)).toMatchObject({ published: 1 });
    expect(network.postsWithKey((await target(id)).idempotencyKey)).toHaveLength(1);
  });

  it('asks again with a backoff while the network cannot tell, then fails asking the person to check their account', async () => {
    const id = await unconfirmedAfterCreate();
    lookup = 'unknown';
    try {
      for (let check = 1; check <= 2; check++) {
        expect(await reconcileTargets(deps(), SETTINGS)).toMatchObject({ unconfirmed: 1 });
        const row = await target(id);
        expect(row).toMatchObject({ status: 'unconfirmed', reconcileChecks: check });
        expect(row.runAt.getTime()).toBeGreaterThan(Date.now());
        await db.knex('postTargets').where({ id }).update({ runAt: new Date() });
      }
      expect(await reconcileTargets(deps(), SETTINGS)).toMatchObject({ failed: 1 });
    } finally {
      lookup = 'ok';
    }
    const row = await target(id);
    expect(row).toMatchObject({ status: 'failed', failureKind: 'unknown_outcome' });
    expect(row.failureMessage).toBe('We could not confirm whether this post was published on X; check your X account “Ada on the network” before retrying, so it does not appear twice.');
    // It was sent exactly once and never resent.
    expect(network.postsWithKey(row.idempotencyKey)).toHaveLength(1);
  });
});
