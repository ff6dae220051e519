import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { claimDueTargets, claimUnconfirmedTargets } from './claim.js';
import { renewLeases } from './leased-loop.js';
import { openSchemaDatabase, testDatabaseUrl, type SchemaDatabase } from './testing/database.js';
import { seedAccount, seedPost, seedWorkspace } from './testing/fixtures.js';

const databaseUrl = testDatabaseUrl();
let db: SchemaDatabase;
let owner: { workspaceId: string; userId: string };

beforeAll(async () => {
  if (!databaseUrl) return;
  db = await openSchemaDatabase(databaseUrl, 8);
  owner = await seedWorkspace(db.knex);
});
afterAll(async () => {
  await db?.close();
});

describe.skipIf(!databaseUrl)('claiming due targets', () => {
  it('never hands the same target to two claimers, and leases each to its claimer with one more attempt', async () => {
    const accounts = await Promise.all(Array.from({ length: 4 }, () => seedAccount(db.knex, owner.workspaceId)));
    for (let n = 0; n < 30; n++) await seedPost(db.knex, owner, [accounts[n % 4]!], { dueAt: new Date(Date.now() - 60_000 + n) });
    // Six claimers at once, as six processes would.
    const claims = await Promise.all(Array.from({ length: 6 }, (_, n) => claimDueTargets(db.knex, { owner: `worker-${n}`, leaseMs: 60_000, limit: 7 })));
    const ids = claims.flat().map((target) => target.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    for (const [n, claim] of claims.entries()) {
      for (const target of claim) {
        const row = await db.knex('postTargets').where({ id: target.id }).first();
        expect(row).toMatchObject({ status: 'publishing', leaseOwner: `worker-${n}`, attempts: 1 });
        expect(row.leaseExpiresAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
      }
    }
    expect(await claimDueTargets(db.knex, { owner: 'late', leaseMs: 60_000, limit: 10 })).toEqual([]);
  });

  it('takes the most overdue first and leaves targets that are not due yet', async () => {
    const account = await seedAccount(db.knex, owner.workspaceId);
    const later = await seedPost(db.knex, owner, [account], { dueAt: new Date(Date.now() + 3_600_000) });
    const recent = await seedPost(db.knex, owner, [await seedAccount(db.knex, owner.workspaceId)], { dueAt: new Date(Date.now() - 1_000) });
    const oldestDue = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_123);
    const oldest = await seedPost(db.knex, owner, [await seedAccount(db.knex, owner.workspaceId)], { dueAt: oldestDue });
    const first = await claimDueTargets(db.knex, { owner: 'w', leaseMs: 60_000, limit: 1 });
    expect(first.map((target) => target.id)).toEqual(oldest.targetIds);
    // Epoch milliseconds, exact to the millisecond (the claim returns numbers, not timestamps to parse).
    expect(first[0]!.dueAtMs).toBe(oldestDue.getTime());
    const rest = await claimDueTargets(db.knex, { owner: 'w', leaseMs: 60_000, limit: 5 });
    expect(rest.map((target) => target.id)).toEqual(recent.targetIds);
    expect((await db.knex('postTargets').where({ id: later.targetIds[0] }).first()).status).toBe('scheduled');
  });

  it('has the reconcile claim turn an expired lease into unconfirmed (never straight back to publishing), recording the lost attempt', async () => {
    const account = await seedAccount(db.knex, owner.workspaceId);
    const { targetIds } = await seedPost(db.knex, owner, [account], { dueAt: new Date(Date.now() - 60_000) });
    const [claimed] = await claimDueTargets(db.knex, { owner: 'crashed-worker', leaseMs: 60_000, limit: 1 });
    expect(claimed!.id).toBe(targetIds[0]);
    // The worker died; its lease runs out.
    await db.knex('postTargets').where({ id: targetIds[0] }).update({ leaseExpiresAt: new Date(Date.now() - 1) });

    // The publish claim neither takes it nor sweeps it (that is the reconcile job's, every 10 s).
    expect(await claimDueTargets(db.knex, { owner: 'other', leaseMs: 60_000, limit: 10 })).toEqual([]);
    expect(await db.knex('postTargets').where({ id: targetIds[0] }).first()).toMatchObject({ status: 'publishing', leaseOwner: 'crashed-worker' });
    // The reconcile claim sweeps it; its next claim takes it.
    expect(await claimUnconfirmedTargets(db.knex, { owner: 'reconciler', leaseMs: 60_000, limit: 10 })).toEqual([]);
    const row = await db.knex('postTargets').where({ id: targetIds[0] }).first();
    expect(row).toMatchObject({ status: 'unconfirmed', leaseOwner: null, failureKind: 'unknown_outcome', attempts: 1 });
    const attempts = await db.knex('publishAttempts').where({ targetId: targetIds[0] });
    expect(attempts).toEqual([expect.objectContaining({ outcome: 'unconfirmed', failureKind: 'unknown_outcome', worker: 'crashed-worker' })]);

    const reconciling = await claimUnconfirmedTargets(db.knex, { owner: 'reconciler', leaseMs: 60_000, limit: 10 });
    expect(reconciling.map((target) => target.id)).toEqual(targetIds);
    expect(reconciling[0]!.sinceMs).toBeLessThanOrEqual(Date.now() - 59_000);
    expect((await db.knex('postTargets').where({ id: targetIds[0] }).first()).attempts).toBe(1);
  });

  it('renews the leases a worker holds, passing over a target locked by its own record or checkpoint batch instead of waiting', async () => {
    const accounts = await Promise.all([seedAccount(db.knex, owner.workspaceId), seedAccount(db.knex, owner.workspaceId)]);
    for (const account of accounts) await seedPost(db.knex, owner, [account], { dueAt: new Date(Date.now() - 60_000) });
    const [busy, free] = await claimDueTargets(db.knex, { owner: 'renewer', leaseMs: 1_000, limit: 2 });
    const before = await db.knex('postTargets').whereIn('id', [busy!.id, free!.id]).select('id', 'leaseExpiresAt');
    const expiry = (id: string) => before.find((row) => row.id === id).leaseExpiresAt.getTime();
    // A batch statement of this worker holds `busy` (and may want more rows): the renewal must not wait for it.
    const batch = await db.knex.transaction();
    try {
      await batch('postTargets').where({ id: busy!.id }).forUpdate().first('id');
      await renewLeases({ knex: db.knex, logger: silentLogger }, { workerId: 'renewer', leaseMs: 600_000 });
      const after = await db.knex('postTargets').whereIn('id', [busy!.id, free!.id]).select('id', 'leaseExpiresAt');
      expect(after.find((row) => row.id === free!.id).leaseExpiresAt.getTime()).toBeGreaterThan(Date.now() + 500_000);
      expect(after.find((row) => row.id === busy!.id).leaseExpiresAt.getTime()).toBe(expiry(busy!.id));
    } finally {
      await batch.rollback();
    }
    // The next round renews it.
    await renewLeases({ knex: db.knex, logger: silentLogger }, { workerId: 'renewer', leaseMs: 600_000 });
    expect((await db.knex('postTargets').where({ id: busy!.id }).first()).leaseExpiresAt.getTime()).toBeGreaterThan(Date.now() + 500_000);
  });
});
