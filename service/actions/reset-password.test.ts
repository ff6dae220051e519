import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailsTo, linkToken } from '../testing/account-emails.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { PASSWORD_RESET_LIMITS } from './request-password-reset.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const uniqueIp = () => ({ 'x-forwarded-for': `2001:db8:1::${randomUUID().slice(0, 4)}` });
const ask = (email: string, headers = uniqueIp()) => app.request('POST', '/api/v1/auth/password-reset-requests', { body: { email }, headers });
const NEW_PASSWORD = 'a brand new passphrase';

describe('password reset by emailed link', () => {
  it('answers an existing and an unknown address alike (202, same body), and emails only the existing one', async () => {
    const person = await app.signUp();
    const nobody = `nobody-${randomUUID()}@example.com`;
    const known = await ask(person.email.toUpperCase());
    const unknown = await ask(nobody);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    expect(known.body.message).toMatch(/If an account uses that address/);
    const emails = await emailsTo(app, person.email, 'reset-password');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.data).toMatchObject({ firstName: 'Ada', expiresInMinutes: 60 });
    expect(await emailsTo(app, nobody)).toEqual([]);
  });

  it('sets the new password, signs out every session, sends password-changed, and works only once', async () => {
    const person = await app.signUp();
    const second = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: person.password }, headers: uniqueIp() });
    await ask(person.email);
    const { token, url } = await linkToken(app, person.email, 'reset-password', 'resetUrl');
    expect(url.pathname).toBe('/account/reset-password');

    const reset = await app.request('POST', '/api/v1/auth/password-resets', { body: { token, password: NEW_PASSWORD } });
    expect(reset.status).toBe(204);
    for (const session of [person.token, second.body.token]) {
      expect((await app.request('GET', '/api/v1/me', { token: session })).body.error.code).toBe('session_expired');
    }
    const oldLogIn = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: person.password }, headers: uniqueIp() });
    expect(oldLogIn.status).toBe(401);
    const newLogIn = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: NEW_PASSWORD }, headers: uniqueIp() });
    expect(newLogIn.status).toBe(200);
    // The link came to this inbox, so the address counts as verified.
    expect(newLogIn.body.user.emailVerified).toBe(true);
    expect(await emailsTo(app, person.email, 'password-changed')).toHaveLength(1);

    const reused = await app.request('POST', '/api/v1/auth/password-resets', { body: { token, password: 'yet another passphrase' } });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('link_invalid');
  });

  it('refuses an expired link (after one hour) and a too-short password with field errors', async () => {
    const person = await app.signUp();
    await ask(person.email);
    const { token } = await linkToken(app, person.email, 'reset-password', 'resetUrl');
    const short = await app.request('POST', '/api/v1/auth/password-resets', { body: { token, password: 'short' } });
    expect(short.status).toBe(400);
    expect(short.body.error.fields).toEqual([{ path: 'password', message: 'must be at least 10 characters' }]);
    await app.db.knex.raw(`update account_tokens set created_at = now() - interval '61 minutes', expires_at = now() - interval '1 minute' where user_id = ? and purpose = 'reset-password'`, [person.user.id]);
    const expired = await app.request('POST', '/api/v1/auth/password-resets', { body: { token, password: NEW_PASSWORD } });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('link_expired');
  });

  it('rate-limits per address silently (same 202, no more emails) and per IP with 429', async () => {
    const person = await app.signUp();
    for (let i = 0; i < PASSWORD_RESET_LIMITS.perEmail.limit + 2; i++) expect((await ask(person.email)).status).toBe(202);
    expect(await emailsTo(app, person.email, 'reset-password')).toHaveLength(PASSWORD_RESET_LIMITS.perEmail.limit);

    const ip = uniqueIp();
    for (let i = 0; i < PASSWORD_RESET_LIMITS.perIp.limit; i++) expect((await ask(`probe-${i}-${randomUUID()}@example.com`, ip)).status).toBe(202);
    const limited = await ask(`probe-x-${randomUUID()}@example.com`, ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/Too many password reset requests from your network\. Please wait/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
