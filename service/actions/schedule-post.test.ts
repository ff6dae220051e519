import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformId } from '#shared/platforms.js';
import { addMember, makeUser } from '../testing/teams.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

let app: TestApp;
let owner: TestUser;
let base: string;

beforeAll(async () => {
  app = await createTestApp();
  owner = await makeUser(app);
  base = `/api/v1/workspaces/${owner.workspaceId}`;
  await app.request('PATCH', `${base}/schedule`, { token: owner.token, body: { timeZone: 'Europe/Berlin' } });
});
afterAll(() => app.close());

// The connect flow is someone else's: accounts are rows here, as that flow would leave them.
async function account(platform: PlatformId = 'x', status = 'active', name = `Studio ${randomUUID().slice(0, 4)}`): Promise<string> {
  const [row] = await app.db.knex('connectedAccounts')
    .insert({ workspaceId: owner.workspaceId, platform, kind: 'profile', remoteId: randomUUID(), name, status, ...(status === 'active' ? {} : { statusReason: 'token expired' }) })
    .returning('id');
  return row.id as string;
}

async function post(body = `Launch day ${randomUUID()}`, title: string | null = 'Launch'): Promise<string> {
  const [row] = await app.db.knex('posts').insert({ workspaceId: owner.workspaceId, createdBy: owner.user.id, title, body }).returning('id');
  return row.id as string;
}

const put = (postId: string, targets: unknown[], token = owner.token) => app.request('PUT', `${base}/posts/${postId}/targets`, { token, body: { targets } });
const schedule = (postId: string, body: unknown, token = owner.token, action = 'schedule') => app.request('POST', `${base}/posts/${postId}/${action}`, { token, body });

describe('targets', () => {
  it('sets the accounts a post goes to, with overrides, and lists them for viewers', async () => {
    const postId = await post();
    const x = await account('x', 'active', 'Ada on X');
    const facebook = await account('facebook');
    const set = await put(postId, [{ accountId: x, text: 'Short for X' }, { accountId: facebook, firstComment: 'Details in the comments' }]);
    expect(set.status).toBe(200);
    expect(set.body.postStatus).toBe('draft');
    expect(set.body.items).toHaveLength(2);
    expect(set.body.items[0]).toMatchObject({ platform: 'x', status: 'draft', account: { id: x, name: 'Ada on X' }, overrides: { text: 'Short for X' }, dueAt: null, failure: null });
    expect(set.body.items[1]).toMatchObject({ platform: 'facebook', overrides: { firstComment: 'Details in the comments' } });
    // Listing shows the same; setting again replaces the list (the Facebook target goes away).
    expect((await app.request('GET', `${base}/posts/${postId}/targets`, { token: owner.token })).body.items).toEqual(set.body.items);
    const replaced = await put(postId, [{ accountId: x }]);
    expect(replaced.body.items.map((item: { platform: string; overrides: object }) => [item.platform, item.overrides])).toEqual([['x', {}]]);
  });

  it('refuses content that breaks a network rule, naming the account, the field and the rule', async () => {
    const postId = await post('x'.repeat(270) + ' https://example.com/a/long/link');
    const x = await account('x', 'active', 'Ada on X');
    const response = await put(postId, [{ accountId: x }]);
    expect(response.status).toBe(422);
    expect(response.body.error).toEqual({
      code: 'content_invalid',
      message: 'X account “Ada on X”: X counts 23 characters per link: this text is 294 of 280.',
      fields: [{ path: 'targets.0.text', message: 'X counts 23 characters per link: this text is 294 of 280.', rule: 'text_too_long' }],
    });
    const pin = await account('pinterest');
    const pinterest = await put(await post(), [{ accountId: pin }]);
    expect(pinterest.body.error.fields.map((field: { rule: string }) => field.rule)).toEqual(['media_required', 'option_invalid']);
  });

  it('refuses accounts of another workspace, accounts that need reconnecting, and unknown override fields', async () => {
    const postId = await post();
    const stranger = await makeUser(app);
    const [foreign] = await app.db.knex('connectedAccounts').insert({ workspaceId: stranger.workspaceId, platform: 'x', kind: 'profile', remoteId: randomUUID(), name: 'Theirs' }).returning('id');
    const other = await put(postId, [{ accountId: foreign.id }]);
    expect(other.status).toBe(400);
    expect(other.body.error.fields).toEqual([{ path: 'targets.0.accountId', message: 'is not a connected account of this workspace' }]);
    const dead = await put(postId, [{ accountId: await account('linkedin', 'reconnect_needed', 'Old page') }]);
    expect(dead.status).toBe(409);
    expect(dead.body.error).toMatchObject({ code: 'account_unavailable', message: 'LinkedIn account “Old page” needs reconnecting before posts can go to it.' });
    const unknown = await put(postId, [{ accountId: await account(), hashtags: [] }]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'targets.0.hashtags', message: 'is not a field this endpoint accepts' }]);
  });

  it('P24: a viewer reads targets but cannot set or schedule them; P14: a stranger gets 404', async () => {
    const postId = await post();
    await put(postId, [{ accountId: await account() }]);
    const viewer = await makeUser(app);
    await addMember(app, owner.workspaceId, viewer, 'viewer');
    expect((await app.request('GET', `${base}/posts/${postId}/targets`, { token: viewer.token })).status).toBe(200);
    expect((await put(postId, [], viewer.token)).status).toBe(403);
    expect((await schedule(postId, { when: 'now' }, viewer.token)).body.error.code).toBe('forbidden');
    const stranger = await makeUser(app);
    const foreign = await app.request('GET', `/api/v1/workspaces/${stranger.workspaceId}/posts/${postId}/targets`, { token: stranger.token });
    expect(foreign.status).toBe(404);
  });
});

describe('scheduling', () => {
  it('schedules at a Berlin wall-clock time, stored in UTC; an ambiguous fall-back time takes the first occurrence', async () => {
    const postId = await post();
    await put(postId, [{ accountId: await account() }]);
    const winter = await schedule(postId, { when: 'at', localTime: '2027-01-15T09:30' });
    expect(winter.status).toBe(200);
    expect(winter.body).toMatchObject({ postStatus: 'scheduled', items: [{ status: 'scheduled', dueAt: '2027-01-15T08:30:00.000Z' }] });
    const ambiguous = await schedule(postId, { when: 'at', localTime: '2027-10-31T02:30' }, owner.token, 'reschedule');
    expect(ambiguous.body.items[0].dueAt).toBe('2027-10-31T00:30:00.000Z');
    const row = await app.db.knex('postTargets').where('postId', postId).first('runAt', 'dueAt');
    expect(row.runAt.toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });

  it('refuses a time skipped by daylight saving, a past time, and a date that is not on the calendar', async () => {
    const postId = await post();
    await put(postId, [{ accountId: await account() }]);
    const gap = await schedule(postId, { when: 'at', localTime: '2027-03-28T02:30' });
    expect(gap.status).toBe(422);
    expect(gap.body.error).toMatchObject({
      code: 'schedule_time_invalid',
      message: '2027-03-28 02:30 does not exist in Europe/Berlin: the clocks skip that hour for daylight saving time. Pick another time.',
    });
    const past = await schedule(postId, { when: 'at', localTime: '2026-01-01T10:00' });
    expect(past.body.error.message).toBe('2026-01-01 10:00 in Europe/Berlin has already passed. Pick a time in the future, or publish now.');
    expect((await schedule(postId, { when: 'at', localTime: '2027-02-30T10:00' })).body.error.code).toBe('schedule_time_invalid');
    const malformed = await schedule(postId, { when: 'at', localTime: 'tomorrow' });
    expect(malformed.body.error.fields).toEqual([{ path: 'localTime', message: 'must be a local date and time like 2026-03-29T09:30' }]);
    expect((await schedule(postId, { when: 'later' })).status).toBe(400);
    expect((await app.request('GET', `${base}/posts/${postId}/targets`, { token: owner.token })).body.items[0].status).toBe('draft');
  });

  it('refuses a post without targets, an archived post, and revalidates content changed after the targets were set', async () => {
    expect((await schedule(await post(), { when: 'now' })).body.error.code).toBe('no_targets');
    const postId = await post();
    await put(postId, [{ accountId: await account('threads', 'active', 'Ada on Threads') }]);
    await app.request('PATCH', `${base}/posts/${postId}`, { token: owner.token, body: { body: 'y'.repeat(501) } });
    const tooLong = await schedule(postId, { when: 'now' });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.fields[0]).toMatchObject({ rule: 'text_too_long', path: expect.stringMatching(/^targets\.[0-9a-f-]{36}\.text$/) });
    await app.request('POST', `${base}/posts/${postId}/archive`, { token: owner.token });
    expect((await schedule(postId, { when: 'now' })).body.error.code).toBe('post_archived');
  });

  it('guards against the same text to the same account within 24 hours unless allowDuplicate', async () => {
    const x = await account('x', 'active', 'Ada on X');
    const first = await post('Big news today', 'First');
    const second = await post('Big news today', 'Second');
    await put(first, [{ accountId: x }]);
    await put(second, [{ accountId: x }]);
    expect((await schedule(first, { when: 'at', localTime: '2027-05-01T10:00' })).status).toBe(200);
    const again = await schedule(second, { when: 'at', localTime: '2027-05-01T20:00' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate_post');
    expect(again.body.error.message).toContain('X account “Ada on X” gets the same text from the post “First”');
    expect(again.body.error.message).toContain(first);
    // Two days later is not a duplicate; nor is it with allowDuplicate.
    expect((await schedule(second, { when: 'at', localTime: '2027-05-03T10:00' })).status).toBe(200);
    expect((await schedule(second, { when: 'at', localTime: '2027-05-01T20:00', allowDuplicate: true }, owner.token, 'reschedule')).status).toBe(200);
  });

  it('unschedules back to draft, cancels one target, and locks a target that is being published', async () => {
    const postId = await post();
    const [a, b] = [await account(), await account('linkedin')];
    await put(postId, [{ accountId: a }, { accountId: b }]);
    await schedule(postId, { when: 'at', localTime: '2027-06-01T09:00' });
    const undone = await app.request('POST', `${base}/posts/${postId}/unschedule`, { token: owner.token });
    expect(undone.body).toMatchObject({ postStatus: 'draft', items: [{ status: 'draft', dueAt: null }, { status: 'draft', dueAt: null }] });
    await schedule(postId, { when: 'at', localTime: '2027-06-01T09:00' });
    const [first, second] = undone.body.items.map((item: { id: string }) => item.id);
    const cancelled = await app.request('POST', `${base}/posts/${postId}/targets/${first}/cancel`, { token: owner.token });
    expect(cancelled.body).toMatchObject({ id: first, status: 'cancelled' });
    await app.db.knex('postTargets').where('id', second).update({ status: 'publishing', leaseOwner: 'worker-1', leaseExpiresAt: new Date(Date.now() + 60_000) });
    const locked = await app.request('POST', `${base}/posts/${postId}/unschedule`, { token: owner.token });
    expect(locked.status).toBe(409);
    expect(locked.body.error).toMatchObject({ code: 'target_locked', message: expect.stringContaining('being published to LinkedIn account') });
    expect((await app.request('POST', `${base}/posts/${postId}/targets/${second}/cancel`, { token: owner.token })).body.error.code).toBe('target_locked');
  });

  it('retries a failed target now, and an unconfirmed one only after the person confirms it did not go out', async () => {
    const postId = await post();
    await put(postId, [{ accountId: await account() }]);
    const [target] = (await schedule(postId, { when: 'at', localTime: '2027-06-02T09:00' })).body.items;
    await app.db.knex('postTargets').where('id', target.id).update({ status: 'failed', failureKind: 'transient', failureMessage: 'X answered 503' });
    const retried = await app.request('POST', `${base}/posts/${postId}/targets/${target.id}/retry`, { token: owner.token, body: {} });
    expect(retried.body).toMatchObject({ status: 'scheduled', failure: null });
    const row = await app.db.knex('postTargets').where('id', target.id).first('runAt');
    expect(Math.abs(row.runAt.getTime() - Date.now())).toBeLessThan(10_000);
    expect((await app.request('POST', `${base}/posts/${postId}/targets/${target.id}/retry`, { token: owner.token, body: {} })).body.error.code).toBe('target_status_conflict');
    await app.db.knex('postTargets').where('id', target.id).update({ status: 'unconfirmed' });
    const unconfirmed = await app.request('POST', `${base}/posts/${postId}/targets/${target.id}/retry`, { token: owner.token, body: {} });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error.code).toBe('confirmation_required');
    const confirmed = await app.request('POST', `${base}/posts/${postId}/targets/${target.id}/retry`, { token: owner.token, body: { confirmNotPublished: true } });
    expect(confirmed.body.status).toBe('scheduled');
  });
});
