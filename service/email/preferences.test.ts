import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { startResendSandbox, type ResendSandbox } from '../sandbox/resend/server.js';
import { linkToken } from '../testing/account-emails.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { enqueueEmail } from './outbox.js';
import { emailKindEnabled } from './preferences.js';
import { sendOutbox } from './send-outbox.js';
import { TEMPLATES } from './templates/index.js';
import { signUnsubscribeToken } from './unsubscribe-token.js';

let app: TestApp;
let sandbox: ResendSandbox;
beforeAll(async () => {
  sandbox = await startResendSandbox();
  app = await createTestApp({ config: { resendApiKey: sandbox.apiKey, resendBaseUrl: sandbox.url } });
});
afterAll(async () => {
  await app?.close();
  await sandbox?.close();
});
beforeEach(() => sandbox.reset());

const path = '/api/v1/me/email-preferences';
const stateOf = async (person: TestUser, headers: Record<string, string> = {}) => {
  const response = await app.request('GET', path, { token: person.token, headers });
  expect(response.status).toBe(200);
  return Object.fromEntries((response.body.kinds as { kind: string; enabled: boolean }[]).map(({ kind, enabled }) => [kind, enabled]));
};
const patch = (person: TestUser, kinds: Record<string, unknown>, headers: Record<string, string> = {}) => app.request('PATCH', path, { token: person.token, body: { kinds }, headers });
const verify = async (person: TestUser) => {
  const { token } = await linkToken(app, person.email, 'verify-email', 'verifyUrl');
  expect((await app.request('POST', '/api/v1/auth/verify-email', { body: { token } })).status).toBe(204);
};
const oneClick = (email: string, kind: string) =>
  app.request('POST', `/email/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(app.config.appSecret, { email, kind: kind as never }))}`, {
    body: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
/** Queues a "post failed" alert to the person and sends the outbox: how many such alerts reached Resend. */
const sendPostFailedAlert = async (person: TestUser) => {
  await enqueueEmail(app.db.knex, { template: 'post-failed', to: person.email, userId: person.user.id, data: TEMPLATES['post-failed'].preview as never });
  await sendOutbox({ knex: app.db.knex, config: app.config, logger: silentLogger });
  const sent = await app.db.knex('emailOutbox').where({ toEmail: person.email, template: 'post-failed', status: 'sent' }).pluck('id');
  return sandbox.emails.filter((email) => sent.includes(email.idempotencyKey)).length;
};

describe('email preferences (P10, P11)', () => {
  it('P10: lists every kind with its default, label and whether it can be changed; newsletter and marketing start off', async () => {
    const person = await app.signUp();
    const response = await app.request('GET', path, { token: person.token });
    expect(response.body.kinds).toEqual([
      { kind: 'account', label: 'Account emails', enabled: true, changeable: false },
      { kind: 'security', label: 'Security notices', enabled: true, changeable: false },
      { kind: 'invitation', label: 'Workspace invitations', enabled: true, changeable: false },
      { kind: 'post-scheduled', label: 'Post scheduled', enabled: true, changeable: true },
      { kind: 'post-failed', label: 'Post failed', enabled: true, changeable: true },
      { kind: 'product-updates', label: 'Product updates', enabled: true, changeable: true },
      { kind: 'newsletter', label: 'Newsletter', enabled: false, changeable: true },
      { kind: 'marketing', label: 'Marketing', enabled: false, changeable: true },
    ]);
    const german = await app.request('GET', path, { token: person.token, headers: { 'accept-language': 'de' } });
    expect(german.body.kinds.map((kind: { label: string }) => kind.label)).toContain('Beitrag fehlgeschlagen');
    expect((await app.request('GET', path)).status).toBe(401);
  });

  it('P11: verifying the address subscribes it to the newsletter and marketing, but never overrides an earlier choice', async () => {
    const person = await app.signUp();
    await verify(person);
    expect(await stateOf(person)).toMatchObject({ newsletter: true, marketing: true });

    const chose = await app.signUp();
    expect((await patch(chose, { marketing: false })).status).toBe(200);
    await verify(chose);
    expect(await stateOf(chose)).toMatchObject({ newsletter: true, marketing: false });
  });

  it('P11: an address verified another way (a password reset link reached it) is subscribed the same way', async () => {
    const person = await app.signUp();
    expect(await stateOf(person)).toMatchObject({ newsletter: false, marketing: false });
    await app.request('POST', '/api/v1/auth/password-reset-requests', { body: { email: person.email }, headers: { 'x-forwarded-for': '2001:db8:9::11' } });
    const { token } = await linkToken(app, person.email, 'reset-password', 'resetUrl');
    expect((await app.request('POST', '/api/v1/auth/password-resets', { body: { token, password: 'a whole new passphrase' } })).status).toBe(204);
    const signedIn = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: 'a whole new passphrase' }, headers: { 'x-forwarded-for': '2001:db8:9::12' } });
    expect(await stateOf({ ...person, token: signedIn.body.token })).toMatchObject({ newsletter: true, marketing: true });
  });

  it('P10: each kind is switched in Settings, and a kind turned off after an email was queued is not sent', async () => {
    const person = await app.signUp();
    const off = await patch(person, { 'post-failed': false, 'post-scheduled': false, newsletter: true });
    expect(off.status).toBe(200);
    expect(await stateOf(person)).toMatchObject({ 'post-failed': false, 'post-scheduled': false, newsletter: true, 'product-updates': true });
    expect(await emailKindEnabled(app.db.knex, person.user.id, 'post-failed')).toBe(false);
    expect(await sendPostFailedAlert(person)).toBe(0);
    await patch(person, { 'post-failed': true });
    expect(await sendPostFailedAlert(person)).toBe(1);
  });

  it('P11: the one-click link turns the kind off in Settings too, at once and without signing in; turning it on again lifts it', async () => {
    const person = await app.signUp();
    expect((await oneClick(person.email.toUpperCase(), 'post-failed')).status).toBe(200);
    expect(await stateOf(person)).toMatchObject({ 'post-failed': false, 'post-scheduled': true });
    expect(await sendPostFailedAlert(person)).toBe(0);

    expect((await patch(person, { 'post-failed': true })).body.kinds).toContainEqual(expect.objectContaining({ kind: 'post-failed', enabled: true }));
    expect(await app.db.knex('emailSuppressions').where({ email: person.email, kind: 'post-failed' })).toHaveLength(0);
    expect(await sendPostFailedAlert(person)).toBe(1);
  });

  it('P11: the subscription kinds have working links too: the page names the kind, one click turns it off for the account', async () => {
    const person = await app.signUp();
    await verify(person);
    const link = `/email/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(app.config.appSecret, { email: person.email, kind: 'newsletter' }))}`;
    const page = await app.request('GET', link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Stop sending the Minopa newsletter to');
    expect(await stateOf(person)).toMatchObject({ newsletter: true });
    const done = await oneClick(person.email, 'newsletter');
    expect(done.text).toContain('We will no longer send the Minopa newsletter');
    expect(await stateOf(person)).toMatchObject({ newsletter: false, marketing: true });
  });

  it('P11: an unsubscribed transactional kind shows as off; turning it on lifts the suppression, turning it off is refused', async () => {
    const person = await app.signUp();
    await oneClick(person.email, 'security');
    expect(await stateOf(person)).toMatchObject({ security: false });
    expect(await app.db.knex('emailPreferences').where({ userId: person.user.id })).toHaveLength(0);
    expect((await patch(person, { security: true })).status).toBe(200);
    expect(await stateOf(person)).toMatchObject({ security: true });

    const refused = await patch(person, { security: false, newsletter: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({ code: 'email_kind_required', message: 'Security notices are always sent: Minopa needs them to run your account.' });
    const german = await patch(person, { account: false }, { 'accept-language': 'de' });
    expect(german.body.error).toEqual({ code: 'email_kind_required', message: 'Konto-E-Mails werden immer gesendet: Minopa braucht sie für Ihr Konto.' });
    // Nothing of a refused request is applied.
    expect(await stateOf(person)).toMatchObject({ newsletter: false });
  });

  it('P10: refuses unknown kinds and values that are not true or false, with a stable code and a sentence', async () => {
    const person = await app.signUp();
    const unknown = await patch(person, { digest: false });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toEqual({ code: 'email_kind_unknown', message: 'There is no kind of email called “digest”.' });
    const german = await patch(person, { digest: false }, { 'accept-language': 'de' });
    expect(german.body.error.message).toBe('Eine Art von E-Mail namens „digest“ gibt es nicht.');
    const notBoolean = await patch(person, { newsletter: 'yes' });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.body.error.code).toBe('validation_failed');
  });
});
