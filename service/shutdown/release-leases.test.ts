import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER as ACCOUNT_REFRESH_OWNER } from '../jobs/refresh-account-tokens.js';
import { WORKER_ID } from '../publisher/settings.js';
import { openSchemaDatabase, testDatabaseUrl, type SchemaDatabase } from '../publisher/testing/database.js';
import { seedAccount, seedPost, seedWorkspace } from '../publisher/testing/fixtures.js';
import { releaseLeases } from './release-leases.js';

const databaseUrl = testDatabaseUrl();
let db: SchemaDatabase;
beforeAll(async () => {
  // A schema of its own: releaseLeases touches every row this process holds.
  if (databaseUrl) db = await openSchemaDatabase(databaseUrl);
});
afterAll(() => db?.close());

const inTenMinutes = () => new Date(Date.now() + 600_000);

describe.skipIf(!databaseUrl)('releaseLeases', () => {
  it("gives back this process's leases on targets, emails and token refreshes, and leaves other processes' alone", async () => {
    const owner = await seedWorkspace(db.knex);
    const mineAccount = await seedAccount(db.knex, owner.workspaceId);
    const otherAccount = await seedAccount(db.knex, owner.workspaceId);
    const post = await seedPost(db.knex, owner, [mineAccount, otherAccount], { dueAt: new Date(Date.now() + 3_600_000) });
    const [mineTarget, otherTarget] = post.targetIds as [string, string];
    await db.knex('postTargets').where({ id: mineTarget }).update({ status: 'publishing', leaseOwner: WORKER_ID, leaseExpiresAt: inTenMinutes() });
    await db.knex('postTargets').where({ id: otherTarget }).update({ status: 'publishing', leaseOwner: 'other-host:1:abcd', leaseExpiresAt: inTenMinutes() });
    await db.knex('connectedAccounts').where({ id: mineAccount }).update({ refreshLeaseOwner: ACCOUNT_REFRESH_OWNER, refreshLeaseExpiresAt: inTenMinutes() });
    await db.knex('connectedAccounts').where({ id: otherAccount }).update({ refreshLeaseOwner: 'refresh-someone-else', refreshLeaseExpiresAt: inTenMinutes() });
    const email = (to: string, leaseOwner: string) => ({ template: 'password-changed', kind: 'security', toEmail: to, status: 'sending', leaseOwner, leaseExpiresAt: inTenMinutes() });
    await db.knex('emailOutbox').insert([email('mine@example.com', `${hostname()}:${process.pid}:run-1`), email('other@example.com', `${hostname()}:${process.pid + 1}:run-1`)]);

    const released = await releaseLeases(db.knex);
    expect(released).toEqual({ postTargets: 1, emailOutbox: 1, connectedAccounts: 1, integrationConnections: 0 });

    // Mine: unconfirmed (the network is asked before any resend), the lost attempt recorded in my name.
    expect(await db.knex('postTargets').where({ id: mineTarget }).first()).toMatchObject({ status: 'unconfirmed', leaseOwner: null, failureKind: 'unknown_outcome' });
    expect(await db.knex('publishAttempts').where({ targetId: mineTarget })).toEqual([expect.objectContaining({ outcome: 'unconfirmed', worker: WORKER_ID })]);
    expect(await db.knex('postTargets').where({ id: otherTarget }).first()).toMatchObject({ status: 'publishing', leaseOwner: 'other-host:1:abcd' });
    expect(await db.knex('emailOutbox').where({ toEmail: 'mine@example.com' }).first()).toMatchObject({ status: 'pending', leaseOwner: null, leaseExpiresAt: null });
    expect(await db.knex('emailOutbox').where({ toEmail: 'other@example.com' }).first()).toMatchObject({ status: 'sending' });
    expect(await db.knex('connectedAccounts').where({ id: mineAccount }).first()).toMatchObject({ refreshLeaseOwner: null, refreshLeaseExpiresAt: null });
    expect(await db.knex('connectedAccounts').where({ id: otherAccount }).first()).toMatchObject({ refreshLeaseOwner: 'refresh-someone-else' });

    // Nothing left to give back the second time.
    expect(await releaseLeases(db.knex)).toEqual({ postTargets: 0, emailOutbox: 0, connectedAccounts: 0, integrationConnections: 0 });
  });
});
