import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../testing/teams.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { nextQueueSlot } from './next-queue-slot.js';

let app: TestApp;
let owner: TestUser;
let base: string;

beforeAll(async () => {
  app = await createTestApp();
  owner = await makeUser(app);
  base = `/api/v1/workspaces/${owner.workspaceId}`;
});
afterAll(() => app.close());

const settings = (body: unknown, token = owner.token) => app.request('PATCH', `${base}/schedule`, { token, body });

/** A scheduled target of a new post holding `dueAt`. */
async function holdSlot(dueAt: Date): Promise<void> {
  const [account] = await app.db.knex('connectedAccounts').insert({ workspaceId: owner.workspaceId, platform: 'x', kind: 'profile', remoteId: randomUUID(), name: 'X' }).returning('id');
  const [post] = await app.db.knex('posts').insert({ workspaceId: owner.workspaceId, body: 'held', status: 'scheduled' }).returning('id');
  await app.db.knex('postTargets').insert({ workspaceId: owner.workspaceId, postId: post.id, accountId: account.id, platform: 'x', status: 'scheduled', dueAt, runAt: dueAt });
}

describe('posting slots and the queue', () => {
  it('reads and updates the time zone and weekly slots; refuses unknown zones and bad slots', async () => {
    expect((await app.request('GET', `${base}/schedule`, { token: owner.token })).body).toEqual({ timeZone: 'UTC', postingSlots: [] });
    const updated = await settings({ timeZone: 'europe/berlin', postingSlots: [{ weekday: 5, time: '17:00' }, { weekday: 1, time: '09:00' }] });
    expect(updated.body).toEqual({ timeZone: 'Europe/Berlin', postingSlots: [{ weekday: 1, time: '09:00' }, { weekday: 5, time: '17:00' }] });
    const zone = await settings({ timeZone: 'Mars/Olympus' });
    expect(zone.status).toBe(400);
    expect(zone.body.error.fields).toEqual([{ path: 'timeZone', message: 'must be an IANA time zone name like Europe/Berlin' }]);
    expect((await settings({ postingSlots: [{ weekday: 7, time: '25:00' }] })).body.error.fields.map((field: { path: string }) => field.path)).toEqual([
      'postingSlots.0.weekday', 'postingSlots.0.time',
    ]);
    expect((await settings({ postingSlots: [{ weekday: 1, time: '09:00' }, { weekday: 1, time: '09:00' }] })).body.error.fields[0].message).toBe('must not list the same slot twice');
    const viewer = await makeUser(app);
    await app.db.knex('memberships').insert({ workspaceId: owner.workspaceId, userId: viewer.user.id, role: 'editor' });
    expect((await settings({ timeZone: 'UTC' }, viewer.token)).status).toBe(403);
  });

  it('picks the next slot across the week boundary, in local time, skipping taken slots', async () => {
    await settings({ timeZone: 'Europe/Berlin', postingSlots: [{ weekday: 1, time: '09:00' }, { weekday: 5, time: '17:00' }] });
    // Saturday 2027-01-09 12:00 Berlin: the next slot is Monday 09:00 (08:00 UTC).
    const saturday = new Date('2027-01-09T11:00:00Z');
    expect(await nextQueueSlot(app.db.knex, owner.workspaceId, { after: saturday })).toMatchObject({
      at: new Date('2027-01-11T08:00:00Z'), local: { year: 2027, month: 1, day: 11, hour: 9, minute: 0 }, timeZone: 'Europe/Berlin',
    });
    await holdSlot(new Date('2027-01-11T08:00:00Z'));
    expect((await nextQueueSlot(app.db.knex, owner.workspaceId, { after: saturday }))!.at).toEqual(new Date('2027-01-15T16:00:00Z'));
    await holdSlot(new Date('2027-01-15T16:00:00Z'));
    expect((await nextQueueSlot(app.db.knex, owner.workspaceId, { after: saturday }))!.at).toEqual(new Date('2027-01-18T08:00:00Z'));
  });

  it('skips a slot that falls in the spring-forward gap, and keeps local time across the change', async () => {
    await settings({ timeZone: 'Europe/Berlin', postingSlots: [{ weekday: 0, time: '02:30' }, { weekday: 0, time: '10:00' }] });
    const slot = await nextQueueSlot(app.db.knex, owner.workspaceId, { after: new Date('2027-03-27T12:00:00Z') });
    // Sunday 2027-03-28 02:30 does not exist in Berlin; 10:00 is summer time (08:00 UTC).
    expect(slot!.at).toEqual(new Date('2027-03-28T08:00:00Z'));
  });

  it('previews the next slot through the API, and "add to queue" takes it, then the following one', async () => {
    await settings({ timeZone: 'UTC', postingSlots: [] });
    expect((await app.request('GET', `${base}/schedule/next-slot`, { token: owner.token })).body).toEqual({ slot: null });
    const posts = await Promise.all([1, 2].map(async () => {
      const [account] = await app.db.knex('connectedAccounts').insert({ workspaceId: owner.workspaceId, platform: 'x', kind: 'profile', remoteId: randomUUID(), name: 'Q' }).returning('id');
      const [post] = await app.db.knex('posts').insert({ workspaceId: owner.workspaceId, body: `queued ${randomUUID()}` }).returning('id');
      await app.request('PUT', `${base}/posts/${post.id}/targets`, { token: owner.token, body: { targets: [{ accountId: account.id }] } });
      return post.id as string;
    }));
    expect((await app.request('POST', `${base}/posts/${posts[0]}/schedule`, { token: owner.token, body: { when: 'queue' } })).body.error.code).toBe('no_posting_slots');
    await settings({ timeZone: 'Asia/Tokyo', postingSlots: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, time: '23:59' })) });
    const preview = (await app.request('GET', `${base}/schedule/next-slot`, { token: owner.token })).body.slot;
    expect(preview).toMatchObject({ timeZone: 'Asia/Tokyo', localTime: expect.stringMatching(/T23:59$/) });
    const first = await app.request('POST', `${base}/posts/${posts[0]}/schedule`, { token: owner.token, body: { when: 'queue' } });
    const second = await app.request('POST', `${base}/posts/${posts[1]}/schedule`, { token: owner.token, body: { when: 'queue' } });
    expect(first.body.items[0].dueAt).toBe(new Date(preview.at).toISOString());
    expect(Date.parse(second.body.items[0].dueAt) - Date.parse(first.body.items[0].dueAt)).toBe(86_400_000);
  });
});
