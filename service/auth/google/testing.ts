import { randomBytes } from 'node:crypto';
import { GOOGLE_START_PATH } from '#shared/api/account.js';
import type { GoogleConfig } from '../../config.js';
import { startGoogleSandbox, type StandaloneGoogleSandbox } from '../../sandbox/google/standalone.js';
import type { CurrentLegalDocuments } from '#shared/api/legal.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/** The extension's redirect URL in tests: what Chrome's identity.getRedirectURL('google') returns for our pinned id. */
export const EXTENSION_REDIRECT = 'https://ejjoaohdmeejfgghdfmlnkdbgkmllanp.chromiumapp.org/google';

export const TEST_CLIENT = { clientId: 'minopa-test.apps.localhost', clientSecret: 'test-client-secret' };

/** A standalone provider and the `google` configuration that points the service at it. */
export async function startTestProvider(publicUrl = 'http://localhost:8787'): Promise<{ provider: StandaloneGoogleSandbox; google: GoogleConfig }> {
  const provider = await startGoogleSandbox({
    clients: [{ ...TEST_CLIENT, redirectUris: [`${publicUrl}/api/v1/auth/google/callback`] }],
  });
  const google: GoogleConfig = {
    ...TEST_CLIENT,
    issuer: provider.url,
    authorizeUrl: `${provider.url}/o/oauth2/v2/auth`,
    tokenUrl: `${provider.url}/token`,
    jwksUrl: `${provider.url}/oauth2/v3/certs`,
    userinfoUrl: `${provider.url}/v1/userinfo`,
    revokeUrl: `${provider.url}/revoke`,
  };
  return { provider, google };
}

/** What the person chose on the options page. */
/** A test app whose Google sign-in points at a fresh local provider, with the current legal versions. */
export async function startGoogleTestApp(): Promise<{
  app: TestApp;
  provider: StandaloneGoogleSandbox;
  legal: { terms: string; privacy: string };
  close(): Promise<void>;
}> {
  const { provider, google } = await startTestProvider();
  const app = await createTestApp({ config: { google } });
  const documents = (await app.request<CurrentLegalDocuments>('GET', '/api/v1/legal')).body;
  return {
    app,
    provider,
    legal: { terms: documents.terms.version, privacy: documents.privacy.version },
    async close() {
      await app.close();
      await provider.close();
    },
  };
}

export interface FlowOptions {
  email: string;
  intent?: 'sign-in' | 'sign-up';
  legal?: { terms: string; privacy: string };
  clientState?: string;
  /** Replaces the browser-binding cookie at the callback ('' drops it): another browser, or an attacker. */
  cookie?: string;
  /** Runs between the provider's answer and the callback (e.g. to age the login request). */
  beforeCallback?: () => Promise<void>;
  redirectUri?: string;
  headers?: Record<string, string>;
}

/** Where each step of the flow went. */
export interface FlowResult {
  /** The authorization URL the service sent the browser to. */
  authorizeUrl: URL;
  /** The callback URL the provider sent the browser back to (pointed at the test app). */
  callbackUrl: URL;
  /** Where the service finally sent the browser: the extension's redirect URL with code or error. */
  final: URL;
  cookie: string;
}

/**
 * Plays the browser of `identity.launchWebAuthFlow`: start → provider authorize (login_hint approves at
 * once, as if the person picked that account) → callback with the cookie → final redirect.
 */
export async function runGoogleFlow(app: TestApp, options: FlowOptions): Promise<FlowResult> {
  const query = new URLSearchParams({ redirect_uri: options.redirectUri ?? EXTENSION_REDIRECT, intent: options.intent ?? 'sign-in' });
  if (options.clientState) query.set('state', options.clientState);
  if (options.legal) {
    query.set('ageConfirmed', 'true');
    query.set('terms', options.legal.terms);
    query.set('privacy', options.legal.privacy);
  }
  // Each flow poses as its own client IP (the test app trusts X-Forwarded-For), so flows do not add up to the per-IP limit.
  const headers = { 'x-forwarded-for': `2001:db8:6::${randomBytes(2).toString('hex')}`, ...options.headers };
  const start = await fetch(`${app.url}${GOOGLE_START_PATH}?${query}`, { redirect: 'manual', headers });
  if (start.status !== 302) throw new Error(`start answered ${start.status}: ${await start.text()}`);
  const cookie = start.headers.getSetCookie().map((line) => line.split(';')[0]!).find((pair) => pair.startsWith('minopa_google_login=')) ?? '';
  const authorizeUrl = new URL(start.headers.get('location')!);
  const hinted = new URL(authorizeUrl);
  hinted.searchParams.set('login_hint', options.email);
  const approved = await fetch(hinted, { redirect: 'manual' });
  if (approved.status !== 302) throw new Error(`provider answered ${approved.status}: ${await approved.text()}`);
  const back = new URL(approved.headers.get('location')!);
  const callbackUrl = new URL(back.pathname + back.search, app.url);
  await options.beforeCallback?.();
  const callback = await fetch(callbackUrl, {
    redirect: 'manual',
    headers: { ...headers, ...(options.cookie ?? cookie ? { cookie: options.cookie ?? cookie } : {}) },
  });
  if (callback.status !== 302) throw new Error(`callback answered ${callback.status}: ${await callback.text()}`);
  return { authorizeUrl, callbackUrl, final: new URL(callback.headers.get('location')!), cookie };
}
