import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { inject } from 'vitest';
import type { ConnectedAccountList } from '#shared/api/accounts.js';
import type { AuthResult } from '#shared/api/auth.js';
import type { CurrentLegalDocuments } from '#shared/api/legal.js';
import type { Post, PostPage } from '#shared/api/posts.js';
import type { PlatformId } from '#shared/platforms.js';
import { approveSandboxConsent, type SandboxPerson } from '../../service/platforms/testing/harness.js';
import { launchExtensionBrowser, type ExtensionBrowser } from './browser.js';
import { serveTestPages, type TestPages } from './test-pages.js';
import { freePort } from '../../test/free-port.js';
import { startService, type RunningService } from '../../service/main.js';
import { testConfig } from '../../service/testing/test-app.js';

/** The browser tests run only where Chromium is; elsewhere they are skipped (the global setup said why). */
export const browserAvailable = inject('chromiumPath') !== null;

export function browserPaths(): { chromiumPath: string; extensionPath: string } {
  const chromiumPath = inject('chromiumPath');
  const extensionPath = inject('extensionPath');
  if (!chromiumPath || !extensionPath) throw new Error('Chromium is not available');
  return { chromiumPath, extensionPath };
}

/**
 * The real service on a fixed port, so a test can stop it and start it again at the same address (the
 * extension keeps talking to one URL). Uses the run's fresh PostgreSQL database, or PGlite in a temporary
 * folder when no server is reachable.
 */
export async function startRestartableService(options: { jobs?: boolean } = {}): Promise<{
  url: string;
  /** The running service's database, to read what a person could only see in their mailbox. */
  knex(): Knex;
  start(): Promise<void>;
  stop(): Promise<void>;
  dispose(): Promise<void>;
}> {
  const port = await freePort();
  const databaseUrl = inject('databaseUrl') ?? undefined;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'minopa-e2e-data-'));
  const config = testConfig({ port, databaseUrl, dataDir, publicUrl: `http://127.0.0.1:${port}`, logLevel: (process.env.MINOPA_E2E_LOG_LEVEL as 'debug' | undefined) ?? 'warn' });
  let running: RunningService | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    knex() {
      if (!running) throw new Error('the service is not running');
      return running.db.knex;
    },
    async start() {
      running ??= await startService({ config, jobs: options.jobs ?? false });
    },
    async stop() {
      await running?.close();
      running = null;
    },
    async dispose() {
      await running?.close();
      running = null;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A JSON call to the service as a test (not the extension) makes it, to check what the extension did. */
export async function api<T>(serviceUrl: string, method: string, route: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(serviceUrl + route, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A service that stops answering fails the step naming the route, not the whole test by its timeout.
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Every post of the workspace (first page of up to 100 is plenty for a test). */
export async function listPosts(serviceUrl: string, token: string, workspaceId: string): Promise<Post[]> {
  const page = await api<PostPage>(serviceUrl, 'GET', `/api/v1/workspaces/${workspaceId}/posts?limit=100`, token);
  return page.items;
}

/** Polls until `find` returns something, or fails after `timeoutMs`. */
export async function eventually<T>(find: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const found = await find();
      if (found !== undefined) return found;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Someone to sign up in a browser test. */
export interface TestPerson {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
}

/**
 * Signs `person` up through the API (accepting the current legal documents) with the address already
 * verified, as publishing and inviting require; answers their session token and default workspace.
 */
export async function signUpVerified(service: { url: string; knex(): Knex }, person: TestPerson): Promise<{ token: string; userId: string; workspaceId: string }> {
  const legal = await api<CurrentLegalDocuments>(service.url, 'GET', '/api/v1/legal');
  const signedUp = await api<AuthResult>(service.url, 'POST', '/api/v1/auth/sign-up', undefined, {
    ...person,
    ageConfirmed: true,
    acceptedLegalVersions: { terms: legal.terms.version, privacy: legal.privacy.version },
  });
  await service.knex()('users').where('id', signedUp.user.id).update({ emailVerifiedAt: new Date() });
  return { token: signedUp.token, userId: signedUp.user.id, workspaceId: signedUp.user.defaultWorkspaceId! };
}

/** Signs the extension in the way a person does: the options page's sign-in form. */
export async function signInFromOptions(browser: ExtensionBrowser, person: TestPerson): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('show-signin').click();
  await options.getByLabel('Email').fill(person.email);
  await options.getByLabel('Password').fill(person.password);
  await options.getByTestId('signin-submit').click();
  // Playwright's own wait: expect.poll belongs to tests, not to their setup.
  await options.getByTestId('signed-in-user').filter({ hasText: `${person.firstName} ${person.lastName}` }).waitFor({ timeout: 15_000 });
  await options.close();
}

/**
 * Connects a sandbox account of `platform` through the API and the simulator's consent page (approved
 * without a browser tab), then the service's callback; answers the account's id.
 */
export async function connectSandboxAccount(serviceUrl: string, token: string, workspaceId: string, platform: PlatformId, person: SandboxPerson): Promise<string> {
  const base = `/api/v1/workspaces/${workspaceId}`;
  const started = await api<{ authorizeUrl: string }>(serviceUrl, 'POST', `${base}/connect/${platform}`, token);
  const consent = await approveSandboxConsent(started.authorizeUrl, person);
  const callback = await fetch(`${serviceUrl}/api/v1/connect/${platform}/callback?${new URLSearchParams({ code: consent.code, state: consent.state ?? '' })}`);
  if (!callback.ok) throw new Error(`connecting ${platform} failed: ${callback.status} ${await callback.text()}`);
  const accounts = await api<ConnectedAccountList>(serviceUrl, 'GET', `${base}/accounts`, token);
  const account = accounts.items.find((candidate) => candidate.platform === platform && candidate.username === person.username);
  if (!account) throw new Error(`no ${platform} account @${person.username} after connecting`);
  return account.id;
}

export type RestartableService = Awaited<ReturnType<typeof startRestartableService>>;

/** What a browser test runs against: the real service, the local test pages, Chromium with the built extension. */
export interface ExtensionWorld {
  service: RestartableService;
  pages: TestPages;
  browser: ExtensionBrowser;
  /** Closes the browser, the pages and the service (and its data folder). */
  close(): Promise<void>;
}

/** Starts the service (jobs on with `jobs`), serves the test pages and opens Chromium with the extension pointed at the service. */
export async function startExtensionWorld(options: { jobs?: boolean } = {}): Promise<ExtensionWorld> {
  const service = await startRestartableService(options);
  await service.start();
  const pages = await serveTestPages();
  const { chromiumPath, extensionPath } = browserPaths();
  const browser = await launchExtensionBrowser(chromiumPath, extensionPath);
  await browser.background.evaluate((url) => chrome.storage.local.set({ serviceUrl: url }), service.url);
  return {
    service,
    pages,
    browser,
    async close() {
      await browser.close();
      await pages.close();
      await service.dispose();
    },
  };
}
