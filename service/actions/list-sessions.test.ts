import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const logIn = async (email: string, password: string, client: string) =>
  (await app.request('POST', '/api/v1/auth/log-in', { body: { email, password, client }, headers: { 'user-agent': `${client} UA` } })).body
    .token as string;

describe('sessions', () => {
  it('lists working sessions, most recently used first, with the current one flagged', async () => {
    const person = await app.signUp({ client: 'Minopa for Chrome' });
    const second = await logIn(person.email, person.password, 'Minopa for Firefox');
    const list = await app.request('GET', '/api/v1/me/sessions', { token: second });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.map((s: { client: string; current: boolean }) => [s.client, s.current])).toEqual(
      expect.arrayContaining([
        ['Minopa for Chrome', false],
        ['Minopa for Firefox', true],
      ]),
    );
    expect(list.body.items.find((s: { current: boolean }) => s.current).userAgent).toBe('Minopa for Firefox UA');
    expect(list.text).not.toContain(second);
  });

  it('P22: a session lasts 30 days, and the database refuses a longer one', async () => {
    const person = await app.signUp();
    const [session] = (await app.request('GET', '/api/v1/me/sessions', { token: person.token })).body.items;
    const lifetime = Date.parse(session.expiresAt) - Date.parse(session.createdAt);
    expect(lifetime).toBe(30 * 24 * 3600 * 1000);
    await expect(
      app.db.knex('sessions').where('id', session.id).update({ expiresAt: app.db.knex.raw(`created_at + interval '31 days'`) }),
    ).rejects.toThrow(/sessions_lifetime_at_most_30_days/);
  });

  it('P22: an expired token answers 401 session_expired and leaves the list', async () => {
    const person = await app.signUp();
    const other = await logIn(person.email, person.password, 'old laptop');
    await app.db
      .knex('sessions')
      .where('userId', person.user.id)
      .whereNot('client', null)
      .update({ createdAt: app.db.knex.raw(`now() - interval '31 days'`), expiresAt: app.db.knex.raw(`now() - interval '1 day'`) });
    const expired = await app.request('GET', '/api/v1/me', { token: other });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('session_expired');
    const list = await app.request('GET', '/api/v1/me/sessions', { token: person.token });
    expect(list.body.items).toHaveLength(1);
  });

  it('revokes another session: that device is signed out at once; the id is then unknown', async () => {
    const person = await app.signUp();
    const laptop = await logIn(person.email, person.password, 'laptop');
    const sessions = (await app.request('GET', '/api/v1/me/sessions', { token: person.token })).body.items;
    const laptopSession = sessions.find((s: { client: string }) => s.client === 'laptop');
    const revoked = await app.request('DELETE', `/api/v1/me/sessions/${laptopSession.id}`, { token: person.token });
    expect(revoked.status).toBe(204);
    expect(revoked.text).toBe('');
    expect((await app.request('GET', '/api/v1/me', { token: laptop })).body.error.code).toBe('session_expired');
    expect((await app.request('DELETE', `/api/v1/me/sessions/${laptopSession.id}`, { token: person.token })).status).toBe(404);
  });

  it("cannot revoke someone else's session (404, as if it did not exist)", async () => {
    const alice = await app.signUp();
    const bob = await app.signUp();
    const [bobSession] = (await app.request('GET', '/api/v1/me/sessions', { token: bob.token })).body.items;
    const attempt = await app.request('DELETE', `/api/v1/me/sessions/${bobSession.id}`, { token: alice.token });
    expect(attempt.status).toBe(404);
    expect((await app.request('GET', '/api/v1/me', { token: bob.token })).status).toBe(200);
  });

  it('log-out ends the current session only', async () => {
    const person = await app.signUp();
    const other = await logIn(person.email, person.password, 'phone');
    expect((await app.request('POST', '/api/v1/auth/log-out', { token: person.token })).status).toBe(204);
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).body.error.code).toBe('session_expired');
    expect((await app.request('GET', '/api/v1/me', { token: other })).status).toBe(200);
  });

  it('a missing, malformed or unknown token is 401 unauthenticated', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: 'Basic abc' }, { authorization: 'Bearer garbage' }, { authorization: `Bearer mns_${'A'.repeat(43)}` }]) {
      const response = await app.request('GET', '/api/v1/me', { headers });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthenticated');
    }
  });

  it('stores only a keyed hash of the token', async () => {
    const person = await app.signUp();
    const rows = await app.db.knex('sessions').where('userId', person.user.id).select('tokenHash');
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(person.token.slice(4));
    const anywhere = await app.db.knex.raw(`select count(*)::int as n from sessions where token_hash = ?`, [person.token]);
    expect(anywhere.rows[0].n).toBe(0);
  });

  it('updates "last used" at most once a minute', async () => {
    const person = await app.signUp();
    await app.db.knex('sessions').where('userId', person.user.id).update({ lastUsedAt: app.db.knex.raw(`now() - interval '5 minutes'`) });
    await app.request('GET', '/api/v1/me', { token: person.token });
    const lastUsed = async () => (await app.db.knex('sessions').where('userId', person.user.id).first('lastUsedAt')).lastUsedAt as Date;
    const first = await lastUsed();
    expect(Date.now() - first.getTime()).toBeLessThan(10_000);
    await app.request('GET', '/api/v1/me', { token: person.token });
    const second = await lastUsed();
    expect(second.getTime()).toBe(first.getTime());
  });
});
