import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { AuthResult } from '#shared/api/auth.js';
import type { CurrentLegalDocuments } from '#shared/api/legal.js';
import { EXTENSION_REDIRECT, runGoogleFlow } from '../../auth/google/testing.js';
import { type RunningService, startService } from '../../main.js';
import { createTestApp, testConfig, type TestApp } from '../../testing/test-app.js';

describe('sandbox mode: no GOOGLE_CLIENT_ID in development or test', () => {
  let service: RunningService;
  let app: TestApp;

  beforeAll(async () => {
    // A real service, so PUBLIC_URL is the address it listens on: the sandbox is reached through it.
    const config = testConfig({ databaseUrl: inject('databaseUrl') ?? undefined, publicUrlExplicit: false, dataDir: mkdtempSync(join(tmpdir(), 'minopa-')), logLevel: 'error' });
    service = await startService({ config, jobs: false });
    // The flow helper only needs `url` and `request`; the rest of TestApp is not used here.
    app = { url: service.url.replace('127.0.0.1', 'localhost'), request: undefined as never } as unknown as TestApp;
  });
  afterAll(() => service.close());

  it('mounts the local provider at /sandbox/google and signs up through it end to end', async () => {
    const providers = await (await fetch(`${service.url}/api/v1/auth/providers`)).json();
    expect(providers).toEqual({ google: { enabled: true, sandbox: true } });
    const discovery = (await (await fetch(`${service.url}/sandbox/google/.well-known/openid-configuration`)).json()) as { issuer: string };
    expect(discovery.issuer).toBe(`${service.config.publicUrl}/sandbox/google`);
    const legal = (await (await fetch(`${service.url}/api/v1/legal`)).json()) as CurrentLegalDocuments;
    const flow = await runGoogleFlow(app, { email: 'sandbox.person@example.com', intent: 'sign-up', legal: { terms: legal.terms.version, privacy: legal.privacy.version } });
    expect(flow.authorizeUrl.href.startsWith(`${service.config.publicUrl}/sandbox/google/o/oauth2/v2/auth?`)).toBe(true);
    const code = flow.final.searchParams.get('code');
    expect(code).toMatch(/^mnc_/);
    const exchange = await fetch(`${service.url}/api/v1/auth/google/exchange`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(exchange.status).toBe(200);
    expect(((await exchange.json()) as AuthResult).user).toMatchObject({ email: 'sandbox.person@example.com', firstName: 'Sandbox', lastName: 'Person', emailVerified: true });
  });
});

describe('production without GOOGLE_CLIENT_ID', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ config: { env: 'production' } });
  });
  afterAll(() => app.close());

  it('turns Google sign-in off, saying so clearly, and mounts no sandbox', async () => {
    expect((await app.request('GET', '/api/v1/auth/providers')).body).toEqual({ google: { enabled: false, sandbox: false } });
    const start = await fetch(`${app.url}/api/v1/auth/google/start?redirect_uri=${encodeURIComponent(EXTENSION_REDIRECT)}`, { redirect: 'manual' });
    const back = new URL(start.headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('google_sign_in_disabled');
    const exchange = await app.request('POST', '/api/v1/auth/google/exchange', { body: { code: 'mnc_x' } });
    expect(exchange.status).toBe(404);
    expect(exchange.body.error).toEqual({ code: 'google_sign_in_disabled', message: 'Sign-in with Google is not available on this Minopa service.' });
    expect((await fetch(`${app.url}/sandbox/google/.well-known/openid-configuration`)).status).toBe(404);
  });
});
