import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER as ACCOUNT_REFRESH_OWNER } from '../jobs/refresh-account-tokens.js';
import { INSTANCE_ID } from '../lib/instance-id.js';
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
  it("gives back this process's leases on targets, emails, token refreshes, data exports and imports, and leaves other processes' alone", async () => {
    const owner = await seedWorkspace(db.knex);
    const mineAccount = await seedAccount(db.knex, owner.workspaceId);
    const otherAccount = await seedAccount(db.knex, owner.workspaceId);
    const post = await seedPost(db.knex, owner, [mineAccount, otherAccount], { dueAt: new Date(Date.now() + 3_600_000) });
    const [mineTarget, otherTarget] = post.targetIds as [string, string];
    await db.knex('postTargets').where({ id: mineTarget }).update({ status: 'publishing', leaseOwner: INSTANCE_ID, leaseExpiresAt: inTenMinutes() });
    await db.knex('postTargets').where({ id: otherTarget }).update({ status: 'publishing', leaseOwner: 'other-host:1:abcd', leaseExpiresAt: inTenMinutes() });
    await db.knex('connectedAccounts').where({ id: mineAccount }).update({ refreshLeaseOwner: ACCOUNT_REFRESH_OWNER, refreshLeaseExpiresAt: inTenMinutes() });
    await db.knex('connectedAccounts').where({ id: otherAccount }).update({ refreshLeaseOwner: 'refresh-someone-else', refreshLeaseExpiresAt: inTenMinutes() });
    const email = (to: string, leaseOwner: string) => ({ template: 'password-changed', kind: 'security', toEmail: to, status: 'sending', leaseOwner, leaseExpiresAt: inTenMinutes() });
    await db.knex('emailOutbox').insert([email('mine@example.com', `${hostname()}:${process.pid}:run-1`), email('other@example.com', `${hostname()}:${process.pid + 1}:run-1`)]);

    // A data export being built and an import under way, each by this process and by another one.
    const otherUser = await seedWorkspace(db.knex, 'Another person');
    const exportRow = (userId: string, leaseOwner: string) => ({ userId, status: 'building', leaseOwner, leaseExpiresAt: inTenMinutes(), attempts: 1, itemsDone: 40, itemsTotal: 90 });
    const [mineExport, otherExport] = (await db.knex('dataExports').insert([exportRow(owner.userId, `${INSTANCE_ID}:exports:run-1`), exportRow(otherUser.userId, 'other-host:1:abcd:exports:run-1')]).returning('id')).map((row: { id: string }) => row.id);
    const importRow = (lockedBy: string) => ({ workspaceId: owner.workspaceId, userId: owner.userId, clientId: randomUUID(), provider: 'canva', sourceId: 'DAF-design-1', status: 'exporting', vendorJobId: 'job-1', lockedBy, lockedUntil: inTenMinutes(), attempts: 1 });
    const [mineImport, otherImport] = (await db.knex('imports').insert([importRow(`${INSTANCE_ID}:imports:run-1`), importRow('other-host:1:abcd:imports:run-1')]).returning('id')).map((row: { id: string }) => row.id);

    const released = await releaseLeases(db.knex);
    expect(released).toEqual({ postTargets: 1, emailOutbox: 1, connectedAccounts: 1, integrationConnections: 0, dataExports: 1, imports: 1 });

    // Mine: unconfirmed (the network is asked before any resend), the lost attempt recorded in my name.
    expect(await db.knex('postTargets').where({ id: mineTarget }).first()).toMatchObject({ status: 'unconfirmed', leaseOwner: null, failureKind: 'unknown_outcome' });
    expect(await db.knex('publishAttempts').where({ targetId: mineTarget })).toEqual([expect.objectContaining({ outcome: 'unconfirmed', worker: INSTANCE_ID })]);
    expect(await db.knex('postTargets').where({ id: otherTarget }).first()).toMatchObject({ status: 'publishing', leaseOwner: 'other-host:1:abcd' });
    expect(await db.knex('emailOutbox').where({ toEmail: 'mine@example.com' }).first()).toMatchObject({ status: 'pending', leaseOwner: null, leaseExpiresAt: null });
    expect(await db.knex('emailOutbox').where({ toEmail: 'other@example.com' }).first()).toMatchObject({ status: 'sending' });
    expect(await db.knex('connectedAccounts').where({ id: mineAccount }).first()).toMatchObject({ refreshLeaseOwner: null, refreshLeaseExpiresAt: null });
    expect(await db.knex('connectedAccounts').where({ id: otherAccount }).first()).toMatchObject({ refreshLeaseOwner: 'refresh-someone-else' });

    // The export is built again from the start by whichever instance comes first; the shutdown's attempt does not count.
    expect(await db.knex('dataExports').where({ id: mineExport }).first()).toMatchObject({ status: 'queued', leaseOwner: null, leaseExpiresAt: null, attempts: 0, itemsDone: 0, itemsTotal: null });
    expect(await db.knex('dataExports').where({ id: otherExport }).first()).toMatchObject({ status: 'building', leaseOwner: 'other-host:1:abcd:exports:run-1' });
    // The import keeps its stage (the export started at Canva is polled, not started again).
    expect(await db.knex('imports').where({ id: mineImport }).first()).toMatchObject({ status: 'exporting', vendorJobId: 'job-1', lockedBy: null, lockedUntil: null, attempts: 0 });
    expect(await db.knex('imports').where({ id: otherImport }).first()).toMatchObject({ status: 'exporting', lockedBy: 'other-host:1:abcd:imports:run-1' });

    // Nothing left to give back the second time.
    expect(await releaseLeases(db.knex)).toEqual({ postTargets: 0, emailOutbox: 0, connectedAccounts: 0, integrationConnections: 0, dataExports: 0, imports: 0 });
  });
});
