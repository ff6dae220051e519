import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkToken } from '../../testing/account-emails.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** Opens a page like a browser: its HTML, the CSRF cookie and the form's hidden fields. */
async function open(path: string) {
  const response = await fetch(app.url + path);
  const html = await response.text();
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const hidden = Object.fromEntries([...html.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  return { response, html, cookie, hidden };
}

async function submit(path: string, cookie: string, fields: Record<string, string>) {
  const response = await fetch(app.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, html: await response.text() };
}

const verified = async (token: string) => (await app.request('GET', '/api/v1/me', { token })).body.emailVerified as boolean;

describe('the page an email verification link opens', () => {
  it('only shows a button on GET (a mail scanner prefetching the link uses nothing up); the POST verifies', async () => {
    const person = await app.signUp();
    const { url } = await linkToken(app, person.email, 'verify-email', 'verifyUrl');
    const page = await open(url.pathname + url.search);
    expect(page.response.status).toBe(200);
    expect(page.response.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(page.response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.html).toContain('Confirm my email address');
    await open(url.pathname + url.search); // a second GET, like a mail scanner's prefetch
    expect(await verified(person.token)).toBe(false);

    const done = await submit('/account/verify-email', page.cookie, page.hidden);
    expect(done.status).toBe(200);
    expect(done.html).toContain(`${person.email} is verified`);
    expect(await verified(person.token)).toBe(true);
    const again = await submit('/account/verify-email', page.cookie, page.hidden);
    expect(again.status).toBe(400);
    expect(again.html).toContain('already been used');
  });

  it('P25: refuses a POST without the CSRF token bound to the browser cookie', async () => {
    const person = await app.signUp();
    const { url } = await linkToken(app, person.email, 'verify-email', 'verifyUrl');
    const page = await open(url.pathname + url.search);
    const noCookie = await submit('/account/verify-email', '', page.hidden);
    expect(noCookie.status).toBe(403);
    expect(noCookie.html).toContain('Reload the page');
    const other = await open(url.pathname + url.search);
    const crossed = await submit('/account/verify-email', other.cookie, { ...page.hidden, csrf: 'forged' });
    expect(crossed.status).toBe(403);
    expect(await verified(person.token)).toBe(false);
  });
});

describe('the page a password reset link opens', () => {
  it('P25: takes the new password twice through a CSRF-protected form, and explains mistakes', async () => {
    const person = await app.signUp();
    await app.request('POST', '/api/v1/auth/password-reset-requests', { body: { email: person.email } });
    const { url } = await linkToken(app, person.email, 'reset-password', 'resetUrl');
    const page = await open(url.pathname + url.search);
    expect(page.html).toContain('New password again');

    const forged = await submit('/account/reset-password', '', { ...page.hidden, password: 'new passphrase 1', confirm: 'new passphrase 1' });
    expect(forged.status).toBe(403);
    const mismatch = await submit('/account/reset-password', page.cookie, { ...page.hidden, password: 'new passphrase 1', confirm: 'new passphrase 2' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.html).toContain('The two passwords are not the same');
    const short = await submit('/account/reset-password', page.cookie, { ...page.hidden, password: 'short', confirm: 'short' });
    expect(short.html).toContain('The password must be at least 10 characters.');

    const done = await submit('/account/reset-password', page.cookie, { ...page.hidden, password: 'new passphrase 1', confirm: 'new passphrase 1' });
    expect(done.status).toBe(200);
    expect(done.html).toContain('Your password is changed');
    const logIn = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: 'new passphrase 1' }, headers: { 'x-forwarded-for': '2001:db8:9::1' } });
    expect(logIn.status).toBe(200);
  });
});

describe('the page an email change link opens', () => {
  it('switches the account to the new address after the button is pressed', async () => {
    const person = await app.signUp();
    const newEmail = `changed-${person.user.id.slice(0, 8)}@example.com`;
    await app.request('POST', '/api/v1/me/email', { token: person.token, body: { email: newEmail, password: person.password } });
    const { url } = await linkToken(app, newEmail, 'email-change', 'confirmUrl');
    expect(url.pathname).toBe('/account/confirm-email');
    const page = await open(url.pathname + url.search);
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).body.email).toBe(person.email);
    const done = await submit('/account/confirm-email', page.cookie, page.hidden);
    expect(done.status).toBe(200);
    expect(done.html).toContain(`now uses ${newEmail}`);
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).body.email).toBe(newEmail);
  });
});
