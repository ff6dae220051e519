import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StandaloneGoogleSandbox } from '../../sandbox/google/standalone.js';
import type { TestApp } from '../../testing/test-app.js';
import { EXTENSION_REDIRECT, runGoogleFlow, startGoogleTestApp } from './testing.js';

let app: TestApp;
let provider: StandaloneGoogleSandbox;
let legal: { terms: string; privacy: string };
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, provider, legal, close } = await startGoogleTestApp());
});
afterAll(() => close());

const newEmail = () => `g-${randomUUID().slice(0, 8)}@example.com`;
const exchange = (code: string | null) => app.request('POST', '/api/v1/auth/google/exchange', { body: { code: code ?? '', client: 'Minopa for Chrome' } });

describe('Google sign-in over HTTP against the local provider', () => {
  it('signs up: one-time code on the extension redirect, exchanged for a session; account verified, without password', async () => {
    const email = newEmail();
    provider.people.set(email, { sub: `sub-${randomUUID()}`, email, emailVerified: true, givenName: 'Grace', familyName: 'Hopper', picture: null });
    const flow = await runGoogleFlow(app, {
      email,
      intent: 'sign-up',
      legal,
      clientState: 'ext-state-1',
      headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0.0.0', 'x-forwarded-for': '203.0.113.7' },
    });
    expect(flow.final.origin + flow.final.pathname).toBe(EXTENSION_REDIRECT);
    expect(flow.final.searchParams.get('state')).toBe('ext-state-1');
    const code = flow.final.searchParams.get('code');
    expect(code).toMatch(/^mnc_/);
    // No session token ever travels in a URL.
    expect(flow.final.href).not.toContain('mns_');

    const result = await exchange(code);
    expect(result.status).toBe(200);
    expect(result.body.user).toMatchObject({ email, firstName: 'Grace', lastName: 'Hopper', emailVerified: true, hasPassword: false });
    const me = await app.request('GET', '/api/v1/me', { token: result.body.token });
    expect(me.status).toBe(200);
    const workspaces = await app.request('GET', '/api/v1/workspaces', { token: result.body.token });
    expect(workspaces.body.items.map((w: { name: string }) => w.name)).toEqual(["Grace's workspace"]);
    // P12: the acceptance is recorded with the IP and user agent of the browser that started the sign-up.
    const acceptances = await app.db.knex('legalAcceptances').where('userId', result.body.user.id);
    expect(acceptances).toHaveLength(2);
    expect(acceptances[0]).toMatchObject({ ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0.0.0' });
    // The session lists the extension's label.
    const sessions = await app.request('GET', '/api/v1/me/sessions', { token: result.body.token });
    expect(sessions.body.items[0].client).toBe('Minopa for Chrome');
  });

  it('P2: asks Google for exactly openid email profile, and keeps only email, name and picture', async () => {
    const email = newEmail();
    const before = provider.authorizeRequests.length;
    const revokedBefore = provider.revokedTokens.length;
    const flow = await runGoogleFlow(app, { email, intent: 'sign-up', legal });
    const asked = provider.authorizeRequests.slice(before)[0]!;
    expect(asked.scope).toBe('openid email profile');
    expect(asked).toMatchObject({ response_type: 'code', code_challenge_method: 'S256', client_id: 'minopa-test.apps.localhost' });
    expect(asked.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.state).toBeTruthy();
    expect(asked.nonce).toBeTruthy();
    const result = await exchange(flow.final.searchParams.get('code'));
    const userId = result.body.user.id as string;
    // What Google gave: its id (to recognise the account) and email on the identity; names on the user.
    const identities = await app.db.knex('externalIdentities').where('userId', userId);
    expect(identities.map(({ provider: p, email: e }) => ({ p, e }))).toEqual([{ p: 'google', e: email }]);
    expect(Object.keys(identities[0]).sort()).toEqual(['createdAt', 'email', 'id', 'lastUsedAt', 'provider', 'subject', 'userId']);
    const user = await app.db.knex('users').where('id', userId).first();
    expect(user).toMatchObject({ email, firstName: expect.any(String), lastName: expect.any(String), passwordHash: null });
    // No Google token is kept: the access token was revoked right away, and nothing holds it.
    const tokenRequest = provider.tokenRequests.at(-1)!;
    expect(tokenRequest).toMatchObject({ grant_type: 'authorization_code', code_verifier: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    await vi.waitFor(() => expect(provider.revokedTokens.length).toBe(revokedBefore + 1));
    const revoked = provider.revokedTokens.at(-1)!;
    const loginRow = await app.db.knex('googleLoginRequests').where('userId', userId).first();
    expect(JSON.stringify(loginRow)).not.toContain(revoked);
  });

  it('signs in an existing Google user again (same account, no new one)', async () => {
    const email = newEmail();
    const first = await exchange((await runGoogleFlow(app, { email, intent: 'sign-up', legal })).final.searchParams.get('code'));
    const again = await runGoogleFlow(app, { email, intent: 'sign-in' });
    const second = await exchange(again.final.searchParams.get('code'));
    expect(second.status).toBe(200);
    expect(second.body.user.id).toBe(first.body.user.id);
    expect(await app.db.knex('users').where({ email }).count('* as n')).toEqual([{ n: '1' }]);
  });

  it('links an existing email account with the same verified address (its password keeps working)', async () => {
    const person = await app.signUp();
    await app.db.knex('users').where('id', person.user.id).update({ emailVerifiedAt: new Date() });
    const flow = await runGoogleFlow(app, { email: person.email, intent: 'sign-in' });
    const result = await exchange(flow.final.searchParams.get('code'));
    expect(result.status).toBe(200);
    expect(result.body.user.id).toBe(person.user.id);
    expect((await app.db.knex('externalIdentities').where('userId', person.user.id)).length).toBe(1);
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).status).toBe(200);
    const logIn = await app.request('POST', '/api/v1/auth/log-in', { body: { email: person.email, password: person.password } });
    expect(logIn.status).toBe(200);
  });

  it('linking an account that never verified its address drops the password and sessions of whoever created it', async () => {
    const squatter = await app.signUp();
    const flow = await runGoogleFlow(app, { email: squatter.email, intent: 'sign-in' });
    const result = await exchange(flow.final.searchParams.get('code'));
    expect(result.body.user).toMatchObject({ id: squatter.user.id, emailVerified: true, hasPassword: false });
    expect((await app.request('GET', '/api/v1/me', { token: squatter.token })).body.error.code).toBe('session_expired');
    const logIn = await app.request('POST', '/api/v1/auth/log-in', { body: { email: squatter.email, password: squatter.password } });
    expect(logIn.body.error.code).toBe('password_not_set');
  });

  it('a Google user without account who chose sign-in is sent back with account_not_found and a sentence', async () => {
    const email = newEmail();
    const flow = await runGoogleFlow(app, { email, intent: 'sign-in', clientState: 's' });
    expect(flow.final.searchParams.get('code')).toBeNull();
    expect(flow.final.searchParams.get('error')).toBe('account_not_found');
    expect(flow.final.searchParams.get('message')).toMatch(/no Minopa account for this Google account/);
    expect(flow.final.searchParams.get('state')).toBe('s');
    expect(await app.db.knex('users').where({ email }).first()).toBeUndefined();
  });

  it('a sign-up without the age confirmation and legal acceptance goes back with validation_failed', async () => {
    const start = await fetch(`${app.url}/api/v1/auth/google/start?redirect_uri=${encodeURIComponent(EXTENSION_REDIRECT)}&intent=sign-up`, { redirect: 'manual' });
    const back = new URL(start.headers.get('location')!);
    expect(back.origin).toBe('https://ejjoaohdmeejfgghdfmlnkdbgkmllanp.chromiumapp.org');
    expect(back.searchParams.get('error')).toBe('validation_failed');
    expect(back.searchParams.get('message')).toMatch(/18 or older/);
  });

  it('refuses an email address Google has not verified', async () => {
    const email = newEmail();
    provider.people.set(email, { sub: `sub-${randomUUID()}`, email, emailVerified: false, givenName: 'Un', familyName: 'Verified', picture: null });
    const flow = await runGoogleFlow(app, { email, intent: 'sign-up', legal });
    expect(flow.final.searchParams.get('error')).toBe('google_email_unverified');
    expect(await app.db.knex('users').where({ email }).first()).toBeUndefined();
  });
});
