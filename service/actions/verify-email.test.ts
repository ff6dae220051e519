import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailsTo, linkToken } from '../testing/account-emails.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { RESEND_VERIFICATION_LIMIT } from './resend-email-verification.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const verify = (token: string) => app.request('POST', '/api/v1/auth/verify-email', { body: { token } });

describe('email verification', () => {
  it('sign-up emails a link through the outbox; the token is stored only as a hash; using it verifies the address once', async () => {
    const person = await app.signUp();
    expect(person.user.emailVerified).toBe(false);
    const [email] = await emailsTo(app, person.email, 'verify-email');
    expect(email).toMatchObject({ userId: person.user.id, data: { firstName: 'Ada', expiresInHours: 48 } });
    const { token, url } = await linkToken(app, person.email, 'verify-email', 'verifyUrl');
    expect(url.href).toBe(`http://localhost:8787/account/verify-email?token=${token}`);
    const stored = await app.db.knex('accountTokens').where('userId', person.user.id);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    expect((await verify(token)).status).toBe(204);
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).body.emailVerified).toBe(true);
    const again = await verify(token);
    expect(again.status).toBe(400);
    expect(again.body.error).toEqual({ code: 'link_invalid', message: 'This link is not valid or has already been used. Ask for a new one.' });
  });

  it('an expired link says so (410 link_expired) and verifies nothing', async () => {
    const person = await app.signUp();
    const { token } = await linkToken(app, person.email, 'verify-email', 'verifyUrl');
    await app.db.knex.raw(`update account_tokens set created_at = now() - interval '49 hours', expires_at = now() - interval '1 hour' where user_id = ?`, [person.user.id]);
    const response = await verify(token);
    expect(response.status).toBe(410);
    expect(response.body.error.code).toBe('link_expired');
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).body.emailVerified).toBe(false);
  });

  it('a link of another purpose or a made-up token is refused', async () => {
    const person = await app.signUp();
    await app.request('POST', '/api/v1/auth/password-reset-requests', { body: { email: person.email } });
    const { token: resetToken } = await linkToken(app, person.email, 'reset-password', 'resetUrl');
    expect((await verify(resetToken)).body.error.code).toBe('link_invalid');
    expect((await verify('mnl_' + 'x'.repeat(43))).body.error.code).toBe('link_invalid');
    expect((await verify('nonsense')).body.error.code).toBe('link_invalid');
  });

  it('resend: a new link by email, a few times an hour, then 429', async () => {
    const person = await app.signUp();
    for (let i = 0; i < RESEND_VERIFICATION_LIMIT.limit; i++) {
      const response = await app.request('POST', '/api/v1/me/email-verification', { token: person.token });
      expect(response.status).toBe(202);
      expect(response.body.message).toContain(person.email);
    }
    expect(await emailsTo(app, person.email, 'verify-email')).toHaveLength(1 + RESEND_VERIFICATION_LIMIT.limit);
    const limited = await app.request('POST', '/api/v1/me/email-verification', { token: person.token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    // Every link sent works (until used or expired).
    const { token } = await linkToken(app, person.email, 'verify-email', 'verifyUrl');
    expect((await verify(token)).status).toBe(204);
    const done = await app.request('POST', '/api/v1/me/email-verification', { token: person.token });
    expect(done.body.message).toMatch(/already verified/);
  });
});
