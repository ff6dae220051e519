import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { addMember, makeUser } from '../testing/teams.js';
import { startOfDay } from './list-calendar.js';

let app: TestApp;
let owner: TestUser;
let accountId: string;

beforeAll(async () => {
  app = await createTestApp();
  owner = await makeUser(app, { firstName: 'Owner' });
  await app.db.knex('workspaces').where('id', owner.workspaceId).update({ timeZone: 'Europe/Berlin' });
  accountId = await connectedAccount(owner.workspaceId, 'Studio Berlin');
});
afterAll(() => app.close());

async function connectedAccount(workspaceId: string, name: string): Promise<string> {
  const [row] = await app.db
    .knex('connectedAccounts')
    .insert({ workspaceId, platform: 'x', kind: 'profile', remoteId: randomUUID(), name, username: name.toLowerCase().replace(/\s/g, '_') })
    .returning('id');
  return row.id as string;
}

/** A post of `workspaceId` with one target to `account`, due (and maybe published) at the given instants. */
async function target(
  options: { workspaceId?: string; account?: string; title: string; dueAt: string; status?: string; publishedAt?: string; failure?: { kind: string; message: string } },
): Promise<{ postId: string; targetId: string }> {
  const workspaceId = options.workspaceId ?? owner.workspaceId;
  const status = options.status ?? 'scheduled';
  const [post] = await app.db.knex('posts').insert({ workspaceId, title: options.title, body: `${options.title} — body`, status: status === 'failed' ? 'failed' : status === 'published' ? 'published' : 'scheduled' }).returning('id');
  const [row] = await app.db
    .knex('postTargets')
    .insert({
      workspaceId, postId: post.id, accountId: options.account ?? accountId, platform: 'x', status,
      dueAt: new Date(options.dueAt), runAt: new Date(options.dueAt),
      ...(options.publishedAt ? { publishedAt: new Date(options.publishedAt), remoteId: randomUUID(), remoteUrl: 'https://x.example/status/1' } : {}),
      ...(options.failure ? { failureKind: options.failure.kind, failureMessage: options.failure.message } : {}),
    })
    .returning('id');
  return { postId: post.id as string, targetId: row.id as string };
}

const calendar = (query: string, token = owner.token, workspaceId = owner.workspaceId) =>
  app.request('GET', `/api/v1/workspaces/${workspaceId}/calendar?${query}`, { token });

const titles = (body: { items: { title: string }[] }) => body.items.map((item) => item.title);

describe('GET /workspaces/:id/calendar', () => {
  it("takes days in the workspace's time zone: the spring-forward day is 23 hours, the fall-back day 25", async () => {
    // Europe/Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST. The local day runs 28 Mar 23:00Z → 29 Mar 22:00Z.
    await target({ title: 'Spring: 23:59 the day before', dueAt: '2026-03-28T22:59:00Z' });
    await target({ title: 'Spring: first minute', dueAt: '2026-03-28T23:00:00Z' });
    await target({ title: 'Spring: last minute', dueAt: '2026-03-29T21:59:00Z' });
    await target({ title: 'Spring: next midnight', dueAt: '2026-03-29T22:00:00Z' });
    const spring = await calendar('from=2026-03-29&to=2026-03-29');
    expect(spring.status).toBe(200);
    expect(spring.body.range).toEqual({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
    expect(titles(spring.body)).toEqual(['Spring: first minute', 'Spring: last minute']);
    expect(spring.body.timeZone).toBe('Europe/Berlin');

    // 25 October 2026: 03:00 CEST becomes 02:00 CET. The local day runs 24 Oct 22:00Z → 25 Oct 23:00Z.
    await target({ title: 'Fall: 23:59 the day before', dueAt: '2026-10-24T21:59:00Z' });
    await target({ title: 'Fall: first minute', dueAt: '2026-10-24T22:00:00Z' });
    await target({ title: 'Fall: 23:30 CET', dueAt: '2026-10-25T22:30:00Z' });
    await target({ title: 'Fall: next midnight', dueAt: '2026-10-25T23:00:00Z' });
    const fall = await calendar('from=2026-10-25&to=2026-10-25');
    expect(fall.body.range).toEqual({ start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z' });
    expect(titles(fall.body)).toEqual(['Fall: first minute', 'Fall: 23:30 CET']);
  });

  it('starts a day whose midnight the clocks skip at its first hour', () => {
    // America/Santiago springs forward at midnight (6 September 2026: 00:00 -04 becomes 01:00 -03).
    expect(startOfDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(startOfDay('2026-09-07', 'America/Santiago').toISOString()).toBe('2026-09-07T03:00:00.000Z');
    expect(startOfDay('2026-01-15', 'UTC').toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });

  it('groups targets under their post with account, failure, link and the latest metrics, and filters by status', async () => {
    const failed = await target({ title: 'April failed', dueAt: '2026-04-02T08:00:00Z', status: 'failed', failure: { kind: 'invalid_content', message: 'X refused the text: too long.' } });
    const published = await target({ title: 'April published', dueAt: '2026-04-01T08:00:00Z', status: 'published', publishedAt: '2026-04-01T08:00:05Z' });
    const second = await app.db
      .knex('postTargets')
      .insert({ workspaceId: owner.workspaceId, postId: published.postId, accountId: await connectedAccount(owner.workspaceId, 'Second'), platform: 'x', status: 'scheduled', dueAt: new Date('2026-04-03T08:00:00Z'), runAt: new Date('2026-04-03T08:00:00Z') })
      .returning('id');
    await app.db.knex('postMetrics').insert([
      { targetId: published.targetId, fetchedAt: new Date('2026-04-01T09:00:00Z'), likes: 1, comments: 0, shares: 0, views: 10 },
      { targetId: published.targetId, fetchedAt: new Date('2026-04-02T09:00:00Z'), likes: 7, comments: 2, shares: 1, views: 120 },
    ]);

    const all = await calendar('from=2026-04-01&to=2026-04-05');
    expect(titles(all.body)).toEqual(['April published', 'April failed']);
    const [publishedPost, failedPost] = all.body.items;
    expect(publishedPost.targets.map((t: { id: string }) => t.id)).toEqual([published.targetId, second[0].id]);
    expect(publishedPost.targets[0]).toMatchObject({
      status: 'published', at: '2026-04-01T08:00:05.000Z', remoteUrl: 'https://x.example/status/1',
      account: { name: 'Studio Berlin', username: 'studio_berlin' },
      metrics: { likes: 7, comments: 2, shares: 1, views: 120, fetchedAt: '2026-04-02T09:00:00.000Z' },
    });
    expect(publishedPost.targets[1]).toMatchObject({ status: 'scheduled', metrics: null, account: { name: 'Second' } });
    expect(failedPost.targets[0]).toMatchObject({ id: failed.targetId, failure: { kind: 'invalid_content', message: 'X refused the text: too long.' } });

    const onlyFailed = await calendar('from=2026-04-01&to=2026-04-05&status=failed,unconfirmed');
    expect(titles(onlyFailed.body)).toEqual(['April failed']);
    const onlyScheduled = await calendar('from=2026-04-01&to=2026-04-05&status=scheduled');
    expect(onlyScheduled.body.items).toEqual([expect.objectContaining({ title: 'April published', targets: [expect.objectContaining({ status: 'scheduled' })] })]);
  });

  it("shows a workspace's calendar to its viewers, and answers 404 to a member of another workspace", async () => {
    const viewer = await makeUser(app, { firstName: 'Viewer' });
    await addMember(app, owner.workspaceId, viewer, 'viewer');
    const outsider = await makeUser(app, { firstName: 'Outsider' });
    const theirAccount = await connectedAccount(outsider.workspaceId, 'Elsewhere');
    await target({ workspaceId: outsider.workspaceId, account: theirAccount, title: 'Not yours', dueAt: '2026-05-10T10:00:00Z' });
    await target({ title: 'May post', dueAt: '2026-05-10T10:00:00Z' });

    expect(titles((await calendar('from=2026-05-01&to=2026-05-31', viewer.token)).body)).toEqual(['May post']);
    const intruding = await calendar('from=2026-05-01&to=2026-05-31', outsider.token);
    expect(intruding.status).toBe(404);
    expect(intruding.body.error.code).toBe('not_found');
    expect(titles((await calendar('from=2026-05-01&to=2026-05-31', outsider.token, outsider.workspaceId)).body)).toEqual(['Not yours']);
  });

  it('refuses a range it cannot read, saying which field and why', async () => {
    const backwards = await calendar('from=2026-05-10&to=2026-05-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toEqual([{ path: 'to', message: 'must not be before from' }]);
    const tooLong = await calendar('from=2026-01-01&to=2026-12-31');
    expect(tooLong.body.error.fields).toEqual([{ path: 'to', message: 'must be at most 92 days after from' }]);
    const notADate = await calendar('from=2026-02-30&to=2026-03-01');
    expect(notADate.body.error.fields).toEqual([{ path: 'from', message: 'must be a real calendar date' }]);
    const badStatus = await calendar('from=2026-05-01&to=2026-05-02&status=lost');
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.fields[0].path).toMatch(/^status/);
    const missing = await calendar('');
    expect(missing.body.error.fields.map((field: { path: string }) => field.path).sort()).toEqual(['from', 'to']);
  });
});
