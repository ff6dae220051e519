import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Platform } from '../platforms/types.js';
import { mediaKeys } from '../storage/keys.js';
import { publishDueTargets } from './publish-due.js';
import { reconcileTargets } from './reconcile.js';
import type { PublisherSettings } from './settings.js';
import { openSchemaDatabase, testDatabaseUrl, type SchemaDatabase } from './testing/database.js';
import { testPublisherDeps } from './testing/deps.js';
import { type CreateAnswer, type FakeNetwork, startFakeNetwork } from './testing/fake-network.js';
import { seedAccount, seedPost, seedWorkspace } from './testing/fixtures.js';
import { testDirectory, testPlatform } from './testing/test-platform.js';

const databaseUrl = testDatabaseUrl();
let db: SchemaDatabase;
let network: FakeNetwork;
let owner: { workspaceId: string; userId: string; email: string };
/** The fake network's answer per idempotency key and call number; unlisted calls succeed. */
let script: Record<string, CreateAnswer[]> = {};

const FAST: Partial<PublisherSettings> = { workerId: 'test-worker', backoffBaseMs: 60_000, unconfirmedDelayMs: 0, maxAttempts: 3 };
const deps = (platform?: Platform) => testPublisherDeps(db.knex, network.url, platform ? { platforms: testDirectory(network.url, platform) } : {});
const target = (id: string) => db.knex('postTargets').where({ id }).first();
const keyOf = async (id: string) => (await target(id)).idempotencyKey as string;
const makeDue = (id: string) => db.knex('postTargets').where({ id }).update({ runAt: new Date(Date.now() - 1) });

beforeAll(async () => {
  if (!databaseUrl) return;
  db = await openSchemaDatabase(databaseUrl);
  network = await startFakeNetwork({ answer: ({ key, n }) => script[key]?.[n - 1] ?? 'ok', retryAfterSeconds: 120 });
  owner = await seedWorkspace(db.knex);
});
afterAll(async () => {
  await network?.close();
  await db?.close();
});
beforeEach(() => {
  script = {};
});

describe.skipIf(!databaseUrl)('publishing due targets', () => {
  it('publishes each due target once, records the remote id, the attempt, and the post as published', async () => {
    const accounts = [await seedAccount(db.knex, owner.workspaceId), await seedAccount(db.knex, owner.workspaceId, { platform: 'linkedin' })];
    const post = await seedPost(db.knex, owner, accounts, { body: 'Launch day', overrides: {} });
    await db.knex('posts').where({ id: post.postId }).update({ hashtags: ['launch'] });

    const counts = await publishDueTargets(deps(), FAST);
    expect(counts).toMatchObject({ claimed: 2, published: 2 });
    for (const id of post.targetIds) {
      const row = await target(id);
      const [remote] = network.postsWithKey(row.idempotencyKey);
      expect(row).toMatchObject({ status: 'published', remoteId: remote!.id, remoteUrl: `https://fake.example/p/${remote!.id}`, leaseOwner: null });
      expect(remote!.text).toBe('Launch day\n\n#launch');
      expect(await db.knex('publishAttempts').where({ targetId: id })).toEqual([expect.objectContaining({ outcome: 'published', worker: 'test-worker' })]);
    }
    expect((await db.knex('posts').where({ id: post.postId }).first()).status).toBe('published');
    expect(await publishDueTargets(deps(), FAST)).toMatchObject({ claimed: 0 });
  });

  it('a worker renews the leases it holds while a publish takes longer than one lease: no other worker takes the target', async () => {
    const account = await seedAccount(db.knex, owner.workspaceId);
    const post = await seedPost(db.knex, owner, [account], { body: 'Slow network', overrides: {} });
    network.options.latencyMs = 900;
    try {
      const short = { ...FAST, leaseMs: 300 };
      const first = publishDueTargets(deps(), short);
      await new Promise((resolve) => setTimeout(resolve, 650));
      // Two leases' time in: without renewal the lease would have run out, and the other worker's runs would
      // take the target over as an unknown outcome.
      const other = { ...short, workerId: 'other-worker' };
      expect(await publishDueTargets(deps(), other)).toMatchObject({ claimed: 0 });
      expect(await reconcileTargets(deps(), other)).toMatchObject({ claimed: 0 });
      expect(await target(post.targetIds[0]!)).toMatchObject({ status: 'publishing', leaseOwner: 'test-worker' });
      expect(await first).toMatchObject({ claimed: 1, published: 1 });
    } finally {
      network.options.latencyMs = 0;
    }
    expect(network.postsWithKey(await keyOf(post.targetIds[0]!))).toHaveLength(1);
    expect(await target(post.targetIds[0]!)).toMatchObject({ status: 'published', leaseOwner: null });
  });

  it('retries a transient failure after an exponential backoff with jitter, and fails after the last attempt with the reason', async () => {
    const post = await seedPost(db.knex, owner, [await seedAccount(db.knex, owner.workspaceId)]);
    const [id] = post.targetIds as [string];
    script[await keyOf(id)] = ['unavailable', 'unavailable', 'unavailable'];
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      const before = Date.now();
      expect(await publishDueTargets(deps(), FAST)).toMatchObject({ scheduled: 1 });
      const row = await target(id);
      expect(row).toMatchObject({ status: 'scheduled', attempts: attempt, failureKind: 'transient', failureCode: 'over_capacity' });
      waits.push(row.runAt.getTime() - before);
      // Full jitter: anywhere up to base × 2^(attempt−1).
      expect(row.runAt.getTime() - before).toBeLessThanOrEqual(60_000 * 2 ** (attempt - 1) + 1_000);
      expect(await publishDueTargets(deps(), FAST)).toMatchObject({ claimed: 0 });
      await makeDue(id);
    }
    expect(await publishDueTargets(deps(), FAST)).toMatchObject({ failed: 1 });
    const failed = await target(id);
    expect(failed).toMatchObject({ status: 'failed', failureKind: 'transient', attempts: 3 });
    expect(failed.failureMessage).toContain('We tried 3 times');
    expect(network.postsWithKey(failed.idempotencyKey)).toEqual([]);
    expect((await db.knex('publishAttempts').where({ targetId: id }).orderBy('id')).map((row: { outcome: string; httpStatus: number }) => [row.outcome, row.httpStatus])).toEqual([
      ['retrying', 503],
      ['retrying', 503],
      ['failed', 503],
    ]);
    expect((await db.knex('posts').where({ id: post.postId }).first()).status).toBe('failed');
  });

  it('honours Retry-After on a rate limit without spending an attempt', async () => {
    const [id] = (await seedPost(db.knex, owner, [await seedAccount(db.knex, owner.workspaceId)])).targetIds as [string];
    script[await keyOf(id)] = ['rate_limited'];
    const before = Date.now();
    expect(await publishDueTargets(deps(), FAST)).toMatchObject({ scheduled: 1 });
    const row = await target(id);
    expect(row).toMatchObject({ status: 'scheduled', attempts: 0, failureKind: 'rate_limited' });
    // The fake network said Retry-After: 120.
    expect(row.runAt.getTime() - before).toBeGreaterThanOrEqual(119_000);
    expect(row.runAt.getTime() - before).toBeLessThan(125_000);
    await makeDue(id);
    expect(await publishDueTargets(deps(), FAST)).toMatchObject({ published: 1 });
  });

  it('a post to several accounts is published once all its targets are', async () => {
    const accounts = [await seedAccount(db.knex, owner.workspaceId), await seedAccount(db.knex, owner.workspaceId), await seedAccount(db.knex, owner.workspaceId)];
    const post = await seedPost(db.knex, owner, accounts, { dueAt: new Date(Date.now() - 1_000) });
    await publishDueTargets(deps(), FAST);
    expect(await db.knex('postTargets').where('postId', post.postId).pluck('status')).toEqual(['published', 'published', 'published']);
    expect((await db.knex('posts').where('id', post.postId).first()).status).toBe('published');
  });

  it('fails on an auth refusal, marks the account “reconnect needed”, and fails its other targets without calling the network', async () => {
    const account = await seedAccount(db.knex, owner.workspaceId);
    const first = await seedPost(db.knex, owner, [account], { dueAt: new Date(Date.now() - 5_000) });
    script[await keyOf(first.targetIds[0]!)] = ['auth'];
    await publishDueTargets(deps(), { ...FAST, capacity: 1 });
    expect(await target(first.targetIds[0]!)).toMatchObject({ status: 'failed', failureKind: 'auth', failureCode: 'token_revoked' });
    const stored = await db.knex('connectedAccounts').where({ id: account }).first();
    expect(stored.status).toBe('reconnect_needed');
    expect(stored.statusReason).toMatch(/Reconnect the account/);

    const second = await seedPost(db.knex, owner, [account]);
    const calls = network.createCalls.length;
    await publishDueTargets(deps(), FAST);
    const row = await target(second.targetIds[0]!);
    expect(row).toMatchObject({ status: 'failed', failureKind: 'auth' });
    expect(row.failureMessage).toMatch(/Reconnect it/);
    expect(network.createCalls.length).toBe(calls);
    // The owner hears about it once, however many posts then fail for the same reason.
    const emails = await db.knex('emailOutbox').where({ toEmail: owner.email, template: 'account-reconnect' });
    expect(emails).toHaveLength(1);
  });

  it('fails content the network refuses, with its message', async () => {
    const [id] = (await seedPost(db.knex, owner, [await seedAccount(db.knex, owner.workspaceId)])).targetIds as [string];
    script[await keyOf(id)] = ['invalid'];
    await publishDueTargets(deps(), FAST);
    const row = await target(id);
    expect(row).toMatchObject({ status: 'failed', failureKind: 'invalid_content', failureCode: 'duplicate_content' });
    expect(row.failureMessage).toContain('You already said that.');
  });

  it('never resends after an unknown outcome: the target is unconfirmed until reconcile finds the post', async () => {
    const [id] = (await seedPost(db.knex, owner, [await seedAccount(db.knex, owner.workspaceId)])).targetIds as [string];
    const key = await keyOf(id);
    script[key] = ['created_then_502'];
    expect(await publishDueTargets(deps(), FAST)).toMatchObject({ unconfirmed: 1 });
    expect(await target(id)).toMatchObject({ status: 'unconfirmed', failureKind: 'unknown_outcome', remoteId: null });
    expect(await publishDueTargets(deps(), FAST)).toMatchObject({ claimed: 0 });

    expect(await reconcileTargets(deps(), FAST)).toMatchObject({ published: 1 });
    const [remote] = network.postsWithKey(key);
    expect(await target(id)).toMatchObject({ status: 'published', remoteId: remote!.id });
    expect(network.postsWithKey(key)).toHaveLength(1);
    expect((await db.knex('publishAttempts').where({ targetId: id }).orderBy('id')).map((row: { outcome: string }) => row.outcome)).toEqual(['unconfirmed', 'confirmed_published']);
  });

  it('resumes a multi-step publish at the step after the last checkpoint (the upload is not repeated)', async () => {
    const mediaId = randomUUID();
    const keys = mediaKeys(owner.workspaceId, mediaId);
    const [media] = await db.knex('media')
      .insert({ id: mediaId, workspaceId: owner.workspaceId, kind: 'image', mimeType: 'image/png', sizeBytes: 3, width: 2, height: 2, storageKey: keys.original, thumbnailKey: keys.thumbnail })
      .returning('*');
    const post = await seedPost(db.knex, owner, [await seedAccount(db.knex, owner.workspaceId)], { mediaIds: [media.id] });
    const [id] = post.targetIds as [string];
    const real = testPlatform();
    let crashes = 1;
    const crashing: Platform = {
      ...real,
      publish(context, account, content, checkpoint, key) {
        if (crashes-- <= 0) return real.publish(context, account, content, checkpoint, key);
        // The process dies right after step 1 (the upload) is checkpointed, before step 2 (the post).
        const dying = {
          get state() {
            return checkpoint.state;
          },
          async save(patch: Record<string, unknown>) {
            await checkpoint.save(patch);
            if ('uploaded' in patch) throw new Error('worker crashed');
          },
        };
        return real.publish(context, account, content, dying, key);
      },
    };
    expect(await publishDueTargets(deps(crashing), FAST)).toMatchObject({ unconfirmed: 1 });
    const afterCrash = await target(id);
    expect(Object.keys(afterCrash.progress.uploaded)).toEqual([media.id]);
    expect(network.uploads).toHaveLength(1);
    // Reconcile: the network never got the post, so it goes back to the queue and resumes at step 2.
    expect(await reconcileTargets(deps(crashing), FAST)).toMatchObject({ scheduled: 1 });
    expect(await publishDueTargets(deps(crashing), FAST)).toMatchObject({ published: 1 });
    expect(network.uploads).toHaveLength(1);
    const [remote] = network.postsWithKey(await keyOf(id));
    expect(remote!.media).toEqual([afterCrash.progress.uploaded[media.id]]);
  });
});
