import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../testing/test-app.js';
import { freshEmail, makeUser, roleIn, sentInvitation, TEST_PASSWORD } from '../../testing/teams.js';

let app: TestApp;
let owner: TestUser;
beforeAll(async () => {
  app = await createTestApp();
  owner = await makeUser(app, { firstName: 'Olive', lastName: 'Owner' });
});
afterAll(() => app.close());

/** A browser visiting the page: it keeps the cookies the service sets. */
class Browser {
  cookies = new Map<string, string>();
  constructor(readonly ip = '203.0.113.7') {}

  async fetch(path: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { 'user-agent': 'InviteTest/1.0', 'x-forwarded-for': this.ip };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(app.url + path, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=');
      this.cookies.set(name!, value!);
    }
    return { status: response.status, html: await response.text(), headers: response.headers };
  }
}

/** The values of the page's hidden inputs. */
function hiddenFields(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]));
}

async function invite(email: string, role = 'editor') {
  const response = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/invitations`, { token: owner.token, body: { email, role } });
  expect(response.status).toBe(201);
  const sent = await sentInvitation(app, email);
  return { ...sent, path: new URL(sent.acceptUrl).pathname + new URL(sent.acceptUrl).search, id: response.body.id as string };
}

const signUpFields = { firstName: 'Nina', lastName: 'New', password: 'a long enough password', ageConfirmed: 'yes', legalAccepted: 'yes' };

describe('invitation accept page', () => {
  it('P31 P12 P25: a new person signs up through the emailed link and joins with the invited role', async () => {
    const email = freshEmail();
    const { path, token } = await invite(email, 'editor');
    const browser = new Browser();
    const page = await browser.fetch(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(page.html).toContain('Olive Owner invited <strong>' + email);
    expect(page.html).toContain('as <strong>editor</strong>');
    expect(page.html).toContain('data-testid="sign-up-form"');
    expect(page.html).toContain('I am 18 or older');
    const hidden = hiddenFields(page.html);
    expect(hidden).toMatchObject({ token, intent: 'sign-up', csrf: expect.any(String), termsVersion: expect.any(String) });
    expect([...browser.cookies.keys()]).toEqual(['minopa_csrf']);

    // Without the age confirmation and the legal consent: field errors, nothing created.
    const missing = await browser.fetch('/invitations/accept', { form: { ...hidden, ...signUpFields, ageConfirmed: '', legalAccepted: '' } });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('Confirm that you are 18 or older.');
    expect(missing.html).toContain('Accept the Terms of Service and the Privacy Policy.');
    expect(missing.html).toContain('value="Nina"');
    expect(await app.db.knex('users').where({ email })).toEqual([]);

    const joined = await browser.fetch('/invitations/accept', { form: { ...hiddenFields(missing.html), ...signUpFields } });
    expect(joined.status).toBe(200);
    expect(joined.html).toContain(`You joined Olive&#39;s workspace as editor.`);
    const user = await app.db.knex('users').where({ email }).first();
    expect(user).toMatchObject({ firstName: 'Nina', lastName: 'New', defaultWorkspaceId: owner.workspaceId });
    expect(user.ageConfirmedAt).toBeInstanceOf(Date);
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await roleIn(app, owner.workspaceId, user.id)).toBe('editor');
    const acceptances = await app.db
      .knex('legalAcceptances as a')
      .join('legalDocuments as d', 'd.id', 'a.documentId')
      .where('a.userId', user.id)
      .orderBy('d.kind', 'desc')
      .select('d.kind', 'd.version', 'a.ip', 'a.userAgent');
    expect(acceptances).toEqual([
      { kind: 'terms', version: hidden.termsVersion, ip: '203.0.113.7', userAgent: 'InviteTest/1.0' },
      { kind: 'privacy', version: hidden.privacyVersion, ip: '203.0.113.7', userAgent: 'InviteTest/1.0' },
    ]);
    // No bearer session was opened for the page; the person signs in to the extension with the new password.
    expect(await app.db.knex('sessions').where('userId', user.id)).toEqual([]);
    const logIn = await app.request('POST', '/api/v1/auth/log-in', { body: { email, password: signUpFields.password } });
    expect(logIn.status).toBe(200);

    const reused = await new Browser().fetch(path);
    expect(reused.status).toBe(410);
    expect(reused.html).toContain('already been used');
  });

  it('P25: a post without the form token, or with a token from another browser, is refused and creates nothing', async () => {
    const email = freshEmail();
    const { path } = await invite(email);
    const victim = new Browser();
    const hidden = hiddenFields((await victim.fetch(path)).html);
    const withoutToken = await victim.fetch('/invitations/accept', { form: { ...hidden, csrf: '', ...signUpFields } });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.html).toContain('This form is out of date');
    const attacker = new Browser();
    await attacker.fetch(path);
    const foreign = await attacker.fetch('/invitations/accept', { form: { ...hidden, ...signUpFields } });
    expect(foreign.status).toBe(403);
    const noCookie = await new Browser().fetch('/invitations/accept', { form: { ...hidden, ...signUpFields } });
    expect(noCookie.status).toBe(403);
    expect(await app.db.knex('users').where({ email })).toEqual([]);
  });

  it('an existing account signs in on the page to accept; a wrong password or another address is refused', async () => {
    const bruno = await makeUser(app, { firstName: 'Bruno', verified: false });
    const { path } = await invite(bruno.email, 'viewer');
    const browser = new Browser();
    const page = await browser.fetch(path);
    expect(page.html).toContain('data-testid="sign-in-form"');
    expect(page.html).not.toContain('data-testid="sign-up-form"');
    const hidden = hiddenFields(page.html);

    const wrong = await browser.fetch('/invitations/accept', { form: { ...hidden, email: bruno.email, password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('That email and password do not match an account.');
    const other = await makeUser(app);
    const mismatch = await browser.fetch('/invitations/accept', { form: { ...hidden, email: other.email, password: TEST_PASSWORD } });
    expect(mismatch.status).toBe(403);
    expect(mismatch.html).toContain(`This invitation was sent to ${bruno.email}`);
    expect(await roleIn(app, owner.workspaceId, other)).toBeNull();

    const sessionsBefore = await app.db.knex('sessions').where('userId', bruno.user.id);
    const joined = await browser.fetch('/invitations/accept', { form: { ...hidden, email: bruno.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(joined.status).toBe(200);
    expect(joined.html).toContain('as viewer');
    expect(await roleIn(app, owner.workspaceId, bruno)).toBe('viewer');
    expect(await app.db.knex('sessions').where('userId', bruno.user.id)).toHaveLength(sessionsBefore.length);
    expect((await app.request('GET', '/api/v1/me', { token: bruno.token })).body.emailVerified).toBe(true);
  });

  it('shows a clear page for unknown, expired and revoked links', async () => {
    const unknown = await new Browser().fetch('/invitations/accept?token=mni_not-a-real-token');
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('This invitation link is not valid');
    const missing = await new Browser().fetch('/invitations/accept');
    expect(missing.status).toBe(404);

    const expiring = await invite(freshEmail());
    await app.db
      .knex('invitations')
      .where('id', expiring.id)
      .update({ createdAt: new Date(Date.now() - 8 * 86400_000), expiresAt: new Date(Date.now() - 86400_000) });
    const expired = await new Browser().fetch(expiring.path);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('This invitation has expired');

    const revoking = await invite(freshEmail());
    const browser = new Browser();
    const hidden = hiddenFields((await browser.fetch(revoking.path)).html);
    await app.request('DELETE', `/api/v1/workspaces/${owner.workspaceId}/invitations/${revoking.id}`, { token: owner.token });
    // Revoked while the form was open: the post is refused too.
    const revoked = await browser.fetch('/invitations/accept', { form: { ...hidden, ...signUpFields } });
    expect(revoked.status).toBe(410);
    expect(revoked.html).toContain('withdrawn or replaced');
    expect(await app.db.knex('users').where({ email: (await app.db.knex('invitations').where('id', revoking.id).first()).email })).toEqual([]);
  });

  it('signing up with an address that got an account meanwhile turns the form into sign-in', async () => {
    const email = freshEmail();
    const { path } = await invite(email);
    const browser = new Browser();
    const hidden = hiddenFields((await browser.fetch(path)).html);
    const meanwhile = await makeUser(app, { email });
    const taken = await browser.fetch('/invitations/accept', { form: { ...hidden, ...signUpFields } });
    expect(taken.status).toBe(409);
    expect(taken.html).toContain('Sign in below to accept the invitation');
    expect(taken.html).toContain('data-testid="sign-in-form"');
    expect(await roleIn(app, owner.workspaceId, meanwhile)).toBeNull();
    expect(await app.db.knex('users').where({ email })).toHaveLength(1);
  });
});
