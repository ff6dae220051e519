import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setEmailKindEnabled } from '../email/preferences.js';
import { outboxEmails } from '../email/testing.js';
import { silentLogger } from '../logger.js';
import { notifyPostStatus } from './notify.js';
import { openSchemaDatabase, testDatabaseUrl, type SchemaDatabase } from './testing/database.js';
import { seedAccount, seedPost, seedWorkspace } from './testing/fixtures.js';

const databaseUrl = testDatabaseUrl();
let db: SchemaDatabase;
const run = () => notifyPostStatus({ knex: db.knex, config: { publicUrl: 'https://minopa.example' }, logger: silentLogger });

beforeAll(async () => {
  if (databaseUrl) db = await openSchemaDatabase(databaseUrl);
});
afterAll(async () => {
  await db?.close();
});

describe.skipIf(!databaseUrl)('post status emails', () => {
  it('P10: confirms a scheduled post once, to its author, with where and when in the workspace’s time zone', async () => {
    const author = await seedWorkspace(db.knex);
    const account = await seedAccount(db.knex, author.workspaceId, { name: 'Ada on X' });
    const { postId } = await seedPost(db.knex, author, [account], { body: 'Launch day is here', dueAt: new Date('2026-12-03T08:30:00Z') });
    await run();
    await run();
    const emails = await outboxEmails(db.knex, author.email, 'post-scheduled');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.kind).toBe('post-scheduled');
    expect(emails[0]!.data).toMatchObject({
      firstName: 'Ada',
      excerpt: 'Launch day is here',
      destinations: [{ network: 'X', account: 'Ada on X', when: '3 December 2026 at 09:30 (Europe/Paris)' }],
      postUrl: `https://minopa.example/posts/${postId}`,
    });
  });

  it('P10: alerts once when a post fails, naming the network, why and how to fix it', async () => {
    const author = await seedWorkspace(db.knex);
    const account = await seedAccount(db.knex, author.workspaceId, { name: 'Ada on X' });
    const { postId, targetIds } = await seedPost(db.knex, author, [account]);
    await run();
    await db.knex('postTargets').where({ id: targetIds[0] }).update({ status: 'failed', failureKind: 'auth', failureMessage: 'The network no longer accepts this account’s connection.' });
    await db.knex('posts').where({ id: postId }).update({ status: 'failed' });
    await run();
    await run();
    const emails = await outboxEmails(db.knex, author.email, 'post-failed');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.data.failures).toEqual([
      { network: 'X', account: 'Ada on X', reason: 'The network no longer accepts this account’s connection.', fix: 'Reconnect your X account in Minopa, then retry the post.' },
    ]);
  });

  it('P10: sends neither email to an author who turned that kind off, and never looks at the post again', async () => {
    const author = await seedWorkspace(db.knex);
    await setEmailKindEnabled(db.knex, author.userId, 'post-scheduled', false);
    const account = await seedAccount(db.knex, author.workspaceId);
    const { postId } = await seedPost(db.knex, author, [account]);
    await run();
    expect(await outboxEmails(db.knex, author.email)).toEqual([]);
    expect(await db.knex('postNotifications').where({ postId })).toEqual([expect.objectContaining({ kind: 'post-scheduled' })]);
    // Turning it back on later does not resend for a post already decided.
    await setEmailKindEnabled(db.knex, author.userId, 'post-scheduled', true);
    await run();
    expect(await outboxEmails(db.knex, author.email)).toEqual([]);
  });
});
