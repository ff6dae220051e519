import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../platforms/lib/errors.js';
import { LeaseLostError, leasedCheckpoint } from './checkpoint.js';
import { claimDueTargets } from './claim.js';
import { recordOutcome } from './record.js';
import { openSchemaDatabase, testDatabaseUrl, type SchemaDatabase } from './testing/database.js';
import { seedAccount, seedPost, seedWorkspace } from './testing/fixtures.js';
import type { ClaimedTarget } from './types.js';

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

/** `count` one-target posts due a minute ago, claimed by `worker`. */
async function claimed(count: number, worker: string): Promise<ClaimedTarget[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const { targetIds } = await seedPost(db.knex, owner, [await seedAccount(db.knex, owner.workspaceId)], { dueAt: new Date(Date.now() - 60_000) });
    ids.push(...targetIds);
  }
  const targets = await claimDueTargets(db.knex, { owner: worker, leaseMs: 60_000, limit: 1_000 });
  return ids.map((id) => targets.find((target) => target.id === id)!);
}

// Outcomes and checkpoints of targets finishing together share one statement (a natural batch): each must
// still be written to its own target, only under its own lease, with its own answer.
describe.skipIf(!databaseUrl)('recording outcomes that finish together', () => {
  it('records each outcome of a batch on its own target, and only where the worker still holds the lease', async () => {
    const targets = await claimed(6, 'worker-a');
    // The fourth target was taken over by another worker after worker-a's lease expired.
    await db.knex('postTargets').where({ id: targets[3]!.id }).update({ leaseOwner: 'worker-b' });
    const startedAt = new Date(Date.now() - 1_000);
    const meta = { owner: 'worker-a', startedAt };
    const transient = new PlatformError('transient', 'X answered 503.', { httpStatus: 503, vendorCode: 'unavailable', requestId: 'req-2' });
    const outcomes = [
      recordOutcome(db.knex, targets[0]!, { status: 'published', result: { remoteId: 'remote-0', url: 'https://x.com/i/status/remote-0' }, attempt: 'published' }, meta),
      recordOutcome(db.knex, targets[1]!, { status: 'failed', error: new PlatformError('invalid_content', 'The text is too long for X.') }, meta),
      recordOutcome(db.knex, targets[2]!, { status: 'scheduled', runAt: new Date(Date.now() + 30_000), error: transient, attempt: 'retrying', refundAttempt: false }, meta),
      recordOutcome(db.knex, targets[3]!, { status: 'failed', error: new PlatformError('invalid_content', 'Not ours to record.') }, meta),
      recordOutcome(db.knex, targets[4]!, { status: 'lost', error: new PlatformError('unknown_outcome', 'Another worker took it over.') }, meta),
      recordOutcome(db.knex, targets[5]!, { status: 'unconfirmed', runAt: new Date(Date.now() + 30_000), error: new PlatformError('unknown_outcome', 'No answer.'), reconcileChecks: 0 }, meta),
    ];
    expect(await Promise.all(outcomes)).toEqual([true, true, true, false, false, true]);

    const rows = await db.knex('postTargets').whereIn('id', targets.map((target) => target.id));
    const row = (index: number) => rows.find((candidate) => candidate.id === targets[index]!.id);
    expect(row(0)).toMatchObject({ status: 'published', remoteId: 'remote-0', leaseOwner: null, failureKind: null });
    expect(row(1)).toMatchObject({ status: 'failed', failureKind: 'invalid_content', failureMessage: 'The text is too long for X.', leaseOwner: null });
    expect(row(2)).toMatchObject({ status: 'scheduled', failureKind: 'transient', failureCode: 'unavailable', leaseOwner: null, attempts: 1 });
    expect(row(2).runAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(row(3)).toMatchObject({ status: 'publishing', leaseOwner: 'worker-b', failureKind: null });
    expect(row(4)).toMatchObject({ status: 'publishing', leaseOwner: 'worker-a' });
    expect(row(5)).toMatchObject({ status: 'unconfirmed', failureKind: 'unknown_outcome', reconcileChecks: 0 });
    // A one-target post takes its target's final status.
    expect((await db.knex('posts').where({ id: targets[0]!.postId }).first()).status).toBe('published');
    expect((await db.knex('posts').where({ id: targets[1]!.postId }).first()).status).toBe('failed');

    // Every attempt is in the history, whoever holds the target now, with its own details.
    const attempts = await db.knex('publishAttempts').whereIn('targetId', targets.map((target) => target.id));
    const attempt = (index: number) => attempts.filter((candidate) => candidate.targetId === targets[index]!.id);
    expect(attempts).toHaveLength(6);
    expect(attempt(0)).toEqual([expect.objectContaining({ outcome: 'published', worker: 'worker-a', failureKind: null })]);
    expect(attempt(2)).toEqual([expect.objectContaining({ outcome: 'retrying', failureKind: 'transient', httpStatus: 503, vendorCode: 'unavailable', vendorRequestId: 'req-2' })]);
    expect(attempt(2)[0].startedAt.getTime()).toBe(startedAt.getTime());
    expect(attempt(3)).toEqual([expect.objectContaining({ outcome: 'failed', vendorMessage: 'Not ours to record.' })]);
    expect(attempt(4)).toEqual([expect.objectContaining({ outcome: 'unconfirmed', failureKind: 'unknown_outcome' })]);
  });

  it('saves checkpoints made at the same moment each to its target, and refuses the one whose lease was lost', async () => {
    const targets = await claimed(3, 'worker-c');
    await db.knex('postTargets').where({ id: targets[1]!.id }).update({ leaseOwner: 'worker-d' });
    const checkpoints = targets.map((target) => leasedCheckpoint(db.knex, target, 'worker-c'));
    const saves = await Promise.allSettled(checkpoints.map((checkpoint, index) => checkpoint.save({ parts: [`part-${index}`] })));
    expect(saves.map((save) => save.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((saves[1] as PromiseRejectedResult).reason).toBeInstanceOf(LeaseLostError);
    expect(checkpoints.map((checkpoint) => checkpoint.state)).toEqual([{ parts: ['part-0'] }, {}, { parts: ['part-2'] }]);

    const rows = await db.knex('postTargets').whereIn('id', targets.map((target) => target.id));
    expect(targets.map((target) => rows.find((row) => row.id === target.id).progress)).toEqual([{ parts: ['part-0'] }, {}, { parts: ['part-2'] }]);
    // A later save merges into what is there.
    await checkpoints[0]!.save({ media: { a: 'm-1' } });
    expect((await db.knex('postTargets').where({ id: targets[0]!.id }).first()).progress).toEqual({ parts: ['part-0'], media: { a: 'm-1' } });
  });
});
