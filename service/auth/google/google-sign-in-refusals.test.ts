import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StandaloneGoogleSandbox } from '../../sandbox/google/standalone.js';
import type { TestApp } from '../../testing/test-app.js';
import { GOOGLE_START_LIMIT } from './routes.js';
import { EXTENSION_REDIRECT, runGoogleFlow, startGoogleTestApp } from './testing.js';

let app: TestApp;
let provider: StandaloneGoogleSandbox;
let legal: { terms: string; privacy: string };
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, provider, legal, close } = await startGoogleTestApp());
});
afterAll(() => close());
afterEach(() => {
  provider.tamper = null;
  provider.signWithUnlistedKey = false;
});

const newEmail = () => `r-${randomUUID().slice(0, 8)}@example.com`;
const exchange = (code: string | null) => app.request('POST', '/api/v1/auth/google/exchange', { body: { code: code ?? 'mnc_missing' } });
const errorOf = (url: URL) => ({ error: url.searchParams.get('error'), code: url.searchParams.get('code') });

describe('Google sign-in refuses', () => {
  it('a callback without the browser cookie, or with another browser’s (P25: state bound to the browser)', async () => {
    const email = newEmail();
    const other = await runGoogleFlow(app, { email: newEmail(), intent: 'sign-up', legal });
    const none = await runGoogleFlow(app, { email, intent: 'sign-up', legal, cookie: '' });
    expect(errorOf(none.final)).toEqual({ error: 'sign_in_expired', code: null });
    expect(none.final.searchParams.get('message')).toMatch(/another browser window/);
    const foreign = await runGoogleFlow(app, { email, intent: 'sign-up', legal, cookie: other.cookie });
    expect(errorOf(foreign.final)).toEqual({ error: 'sign_in_expired', code: null });
    expect(await app.db.knex('users').where({ email }).first()).toBeUndefined();
  });

  it('a callback whose state we never issued, with a page instead of a redirect', async () => {
    const response = await fetch(`${app.url}/api/v1/auth/google/callback?state=forged&code=whatever`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/html/);
    expect(await response.text()).toMatch(/not valid or was already used/);
  });

  it('a replayed callback and a replayed one-time code', async () => {
    const flow = await runGoogleFlow(app, { email: newEmail(), intent: 'sign-up', legal });
    const replay = await fetch(flow.callbackUrl, { redirect: 'manual', headers: { cookie: flow.cookie } });
    expect(replay.status).toBe(400);
    const code = flow.final.searchParams.get('code');
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('sign_in_expired');
  });

  it('a login request older than 10 minutes, and a one-time code older than 60 seconds', async () => {
    const email = newEmail();
    const flow = await runGoogleFlow(app, {
      email,
      intent: 'sign-up',
      legal,
      beforeCallback: () =>
        app.db.knex.raw(`update google_login_requests set created_at = now() - interval '11 minutes', expires_at = now() - interval '1 minute' where callback_at is null and created_at > now() - interval '1 minute'`),
    });
    expect(errorOf(flow.final)).toEqual({ error: 'sign_in_expired', code: null });
    expect(flow.final.searchParams.get('message')).toMatch(/more than 10 minutes/);

    const fresh = await runGoogleFlow(app, { email, intent: 'sign-up', legal });
    await app.db.knex.raw(`update google_login_requests set code_expires_at = now() - interval '1 second' where exchange_code_hash is not null and exchanged_at is null`);
    const late = await exchange(fresh.final.searchParams.get('code'));
    expect(late.body.error.code).toBe('sign_in_expired');
  });

  it.each([
    ['another nonce', (claims: Record<string, unknown>) => ({ ...claims, nonce: 'not-ours' })],
    ['another audience', (claims: Record<string, unknown>) => ({ ...claims, aud: 'someone-else.apps.googleusercontent.com' })],
    ['another issuer', (claims: Record<string, unknown>) => ({ ...claims, iss: 'https://evil.example.com' })],
    ['an expired token', (claims: Record<string, unknown>) => ({ ...claims, iat: 1_000_000, exp: 1_000_360 })],
  ])('an ID token with %s', async (_label, tamper) => {
    provider.tamper = tamper;
    const email = newEmail();
    const flow = await runGoogleFlow(app, { email, intent: 'sign-up', legal });
    expect(errorOf(flow.final)).toEqual({ error: 'google_sign_in_failed', code: null });
    expect(await app.db.knex('users').where({ email }).first()).toBeUndefined();
  });

  it('an ID token whose signature is not made with the provider’s published key', async () => {
    provider.signWithUnlistedKey = true;
    const flow = await runGoogleFlow(app, { email: newEmail(), intent: 'sign-up', legal });
    expect(errorOf(flow.final)).toEqual({ error: 'google_sign_in_failed', code: null });
    expect(app.logs.some((line) => line.includes('Google sign-in failed') && line.includes('ERR_JWS_SIGNATURE_VERIFICATION_FAILED'))).toBe(true);
  });

  it.each([
    'https://evil.example.com/google',
    'http://ejjoaohdmeejfgghdfmlnkdbgkmllanp.chromiumapp.org/google',
    'https://ejjoaohdmeejfgghdfmlnkdbgkmllanp.chromiumapp.org.evil.com/google',
    'https://ejjoaohdmeejfgghdfmlnkdbgkmllanp.chromiumapp.org:8443/google',
    'https://ejjoaohdmeejfgghdfmlnkdbgkmllanp.chromiumapp.org/google?next=https://evil.example.com',
    'https://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz.chromiumapp.org/google',
    'chrome-extension://ejjoaohdmeejfgghdfmlnkdbgkmllanp/options.html',
  ])('a redirect URI that is not an extension identity redirect: %s', async (redirectUri) => {
    const response = await fetch(`${app.url}/api/v1/auth/google/start?redirect_uri=${encodeURIComponent(redirectUri)}&intent=sign-in`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await response.text()).toMatch(/not a browser extension/);
  });

  it('accepts Firefox’s identity redirect domain', async () => {
    const firefox = `https://${'a1'.repeat(20)}.extensions.allizom.org/`;
    const response = await fetch(`${app.url}/api/v1/auth/google/start?redirect_uri=${encodeURIComponent(firefox)}&intent=sign-in`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/o\/oauth2\/v2\/auth\?/);
  });

  it('passes Google’s access_denied (the person cancelled) back as google_access_denied', async () => {
    const start = await fetch(`${app.url}/api/v1/auth/google/start?redirect_uri=${encodeURIComponent(EXTENSION_REDIRECT)}&intent=sign-in`, { redirect: 'manual' });
    const cookie = start.headers.getSetCookie()[0]!.split(';')[0]!;
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const callback = await fetch(`${app.url}/api/v1/auth/google/callback?error=access_denied&state=${encodeURIComponent(state)}`, { redirect: 'manual', headers: { cookie } });
    const final = new URL(callback.headers.get('location')!);
    expect(final.searchParams.get('error')).toBe('google_access_denied');
    expect(final.searchParams.get('message')).toMatch(/cancelled/);
  });

  it('a one-time code that is not one of ours', async () => {
    for (const code of ['mnc_' + 'A'.repeat(43), 'garbage']) {
      const response = await exchange(code);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('sign_in_expired');
    }
  });

  it('more sign-ins than the per-IP limit from one network (each would hold a row for 10 minutes)', async () => {
    const start = () =>
      fetch(`${app.url}/api/v1/auth/google/start?redirect_uri=${encodeURIComponent(EXTENSION_REDIRECT)}&intent=sign-in`, {
        redirect: 'manual',
        headers: { 'x-forwarded-for': '198.51.100.77' },
      });
    for (let i = 0; i < GOOGLE_START_LIMIT.limit; i++) expect(new URL((await start()).headers.get('location')!).searchParams.get('error')).toBeNull();
    const limited = new URL((await start()).headers.get('location')!);
    expect(limited.searchParams.get('error')).toBe('rate_limited');
    expect(limited.searchParams.get('message')).toMatch(/Too many sign-in attempts from your network/);
  });
});
