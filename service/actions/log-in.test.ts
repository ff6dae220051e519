import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { LOG_IN_LIMITS } from './log-in.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** Each test poses as its own client IP, so the per-IP limit of one test does not spill into another. */
const uniqueIp = () => ({ 'x-forwarded-for': `2001:db8::${randomUUID().slice(0, 4)}` });

describe('log-in', () => {
  it('signs in with the right email (any case) and password, and the new token works', async () => {
    const person = await app.signUp();
    const response = await app.request('POST', '/api/v1/auth/log-in', {
      body: { email: person.email.toUpperCase(), password: person.password, client: 'Minopa for Firefox' },
      headers: uniqueIp(),
    });
    expect(response.status).toBe(200);
    expect(response.body.user.id).toBe(person.user.id);
    expect(response.body.token).not.toBe(person.token);
    expect((await app.request('GET', '/api/v1/me', { token: response.body.token })).status).toBe(200);
  });

  it('answers a wrong password and an unknown email alike: 401 invalid_credentials', async () => {
    const person = await app.signUp();
    const wrong = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: 'not the password' }, headers: uniqueIp() });
    const unknown = await app.request('POST', '/api/v1/auth/log-in', {
      body: { email: `nobody-${randomUUID()}@example.com`, password: 'whatever it is' },
      headers: uniqueIp(),
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
  });

  it('rate-limits failures per account with 429, Retry-After and a clear sentence, even from new IPs', async () => {
    const person = await app.signUp();
    for (let i = 0; i < LOG_IN_LIMITS.perAccount.limit; i++) {
      const failed = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: `wrong ${i}` }, headers: uniqueIp() });
      expect(failed.status).toBe(401);
    }
    // Even the right password is refused now: otherwise the limit would not slow a guesser down.
    const limited = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: person.password }, headers: uniqueIp() });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // "a minute" when the window ends within the minute (the fixed window can be about to roll over).
    expect(limited.body.error.message).toMatch(/Too many failed sign-in attempts for this account\. Please wait (a minute|\d+ minutes) and try again\./);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOG_IN_LIMITS.perAccount.windowSeconds);
    // Another account is not affected.
    const other = await app.signUp();
    const fine = await app.request('POST', '/api/v1/auth/log-in', { body: { email: other.email, password: other.password }, headers: uniqueIp() });
    expect(fine.status).toBe(200);
  });

  it('rate-limits attempts per IP across accounts', async () => {
    const ip = { 'x-forwarded-for': '192.0.2.77' };
    for (let i = 0; i < LOG_IN_LIMITS.perIp.limit; i++) {
      const attempt = await app.request('POST', '/api/v1/auth/log-in', {
        body: { email: `guess-${i}@example.com`, password: 'guessing again' },
        headers: ip,
      });
      expect(attempt.status).toBe(401);
    }
    const person = await app.signUp();
    const limited = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: person.password }, headers: ip });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toContain('from your network');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const elsewhere = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: person.password }, headers: uniqueIp() });
    expect(elsewhere.status).toBe(200);
  });

  it('counts in the database, so every instance shares the limit', async () => {
    const rows = await app.db.knex('rate_limit_buckets').where('key', 'log-in:ip:192.0.2.77');
    expect(rows).toHaveLength(1);
    expect(rows[0].count).toBe(LOG_IN_LIMITS.perIp.limit + 1);
    // Account counters hold a keyed hash, not the email address.
    const keys = (await app.db.knex('rate_limit_buckets').pluck('key')) as string[];
    expect(keys.filter((key) => key.includes('@'))).toEqual([]);
  });
});
