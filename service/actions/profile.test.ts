import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailsTo, linkToken } from '../testing/account-emails.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const uniqueIp = () => ({ 'x-forwarded-for': `2001:db8:2::${randomUUID().slice(0, 4)}` });

describe('profile: the right to correct one’s data (P28)', () => {
  it('P28: corrects first and last name; the default workspace still works as before', async () => {
    const person = await app.signUp();
    const response = await app.request('PATCH', '/api/v1/me', { token: person.token, body: { firstName: ' Augusta Ada ', lastName: 'King' } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ firstName: 'Augusta Ada', lastName: 'King', defaultWorkspaceId: person.workspaceId });
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).body.lastName).toBe('King');
    const empty = await app.request('PATCH', '/api/v1/me', { token: person.token, body: { firstName: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual([{ path: 'firstName', message: 'must not be empty' }]);
    const nothing = await app.request('PATCH', '/api/v1/me', { token: person.token, body: {} });
    expect(nothing.status).toBe(400);
  });

  it('P28: changes the email only after the new address confirms it; the old one stays until then', async () => {
    const person = await app.signUp();
    const newEmail = `new-${randomUUID()}@example.com`;
    const wrong = await app.request('POST', '/api/v1/me/email', { token: person.token, body: { email: newEmail, password: 'not my password' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([{ path: 'password', message: 'is not your current password' }]);

    const asked = await app.request('POST', '/api/v1/me/email', { token: person.token, body: { email: newEmail.toUpperCase(), password: person.password } });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ pendingEmail: newEmail, expiresAt: expect.any(String) });
    const [email] = await emailsTo(app, newEmail, 'email-change');
    expect(email!.data).toMatchObject({ newEmail, expiresInHours: 48 });
    expect(await emailsTo(app, person.email, 'email-change')).toEqual([]);
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).body.email).toBe(person.email);

    const { token } = await linkToken(app, newEmail, 'email-change', 'confirmUrl');
    expect((await app.request('POST', '/api/v1/auth/confirm-email-change', { body: { token } })).status).toBe(204);
    const me = (await app.request('GET', '/api/v1/me', { token: person.token })).body;
    expect(me).toMatchObject({ email: newEmail, emailVerified: true });
    const logIn = await app.request('POST', '/api/v1/auth/log-in', { body: { email: newEmail, password: person.password }, headers: uniqueIp() });
    expect(logIn.status).toBe(200);
    expect((await app.request('POST', '/api/v1/auth/confirm-email-change', { body: { token } })).body.error.code).toBe('link_invalid');
  });

  it('refuses an address another account uses (409 email_taken), and the own current one', async () => {
    const person = await app.signUp();
    const other = await app.signUp();
    const taken = await app.request('POST', '/api/v1/me/email', { token: person.token, body: { email: other.email, password: person.password } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');
    const same = await app.request('POST', '/api/v1/me/email', { token: person.token, body: { email: person.email, password: person.password } });
    expect(same.status).toBe(400);
  });

  it('P28: a password change signs out every other session (this one stays), and emails password-changed', async () => {
    const person = await app.signUp();
    const other = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: person.password }, headers: uniqueIp() });
    const wrong = await app.request('POST', '/api/v1/me/password', { token: person.token, body: { currentPassword: 'wrong one!', newPassword: 'another good passphrase' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([{ path: 'currentPassword', message: 'is not your current password' }]);
    const weak = await app.request('POST', '/api/v1/me/password', { token: person.token, body: { currentPassword: person.password, newPassword: 'short' } });
    expect(weak.body.error.fields).toEqual([{ path: 'newPassword', message: 'must be at least 10 characters' }]);

    const changed = await app.request('POST', '/api/v1/me/password', { token: person.token, body: { currentPassword: person.password, newPassword: 'another good passphrase' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ signedOutSessions: 1 });
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).status).toBe(200);
    expect((await app.request('GET', '/api/v1/me', { token: other.body.token })).body.error.code).toBe('session_expired');
    const [email] = await emailsTo(app, person.email, 'password-changed');
    expect(email!.data).toMatchObject({ firstName: 'Ada', changedAt: expect.stringMatching(/\d{4}, \d{2}:\d{2} UTC$/) });
  });

  it('an account without password (made with Google) is told to set one by reset link', async () => {
    const person = await app.signUp();
    await app.db.knex('users').where('id', person.user.id).update({ passwordHash: null });
    const response = await app.request('POST', '/api/v1/me/password', { token: person.token, body: { currentPassword: 'anything', newPassword: 'another good passphrase' } });
    expect(response.body.error.code).toBe('password_not_set');
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).body.hasPassword).toBe(false);
    const logIn = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: 'anything at all' }, headers: uniqueIp() });
    expect(logIn.status).toBe(401);
    expect(logIn.body.error.message).toMatch(/Continue with Google/);
  });
});
