import { createHash, randomBytes } from 'node:crypto';
import type { PlatformId } from '#shared/platforms.js';
import { createLogger } from '../../logger.js';
import { startStandalone } from '../../sandbox/networks/kit/standalone.js';
import type { NetworkSimulator, SimulatorOptions } from '../../sandbox/networks/kit/types.js';
import { isPlatformError, type PlatformError } from '../lib/errors.js';
import { createHttpClient } from '../lib/http.js';
import { sandboxEndpoints } from '../settings.js';
import type { AccountHandle, AccountProfile, Checkpoint, Platform, PlatformContext, PlatformSettings, PublishContent, TokenSet } from '../types.js';
import { serveMedia, type MediaServer } from './media.js';

export * from './media.js';

/*
 * The one harness for adapter tests run against a network's standalone simulator (every network's tests
 * and the simulators' own use it). Not imported by production code.
 */

/** The sandbox OAuth client a test registers with a simulator when the client's values do not matter. */
export const TEST_CLIENT = { clientId: 'test-app', clientSecret: 'test-secret' };

/** A sandbox OAuth client: what the simulator accepts and what the adapter's settings carry. */
export type TestClient = { clientId: string; clientSecret: string };

/** A person going through a consent page. */
export type SandboxPerson = { username: string; displayName: string };

/**
 * Goes through a simulator's sandbox consent page as a person would: GET the authorize address, POST the
 * form with "Allow", and read the code from the redirect. Throws when the page refuses the request.
 */
export async function approveSandboxConsent(authorizeUrl: string, person: SandboxPerson = { username: 'sandbox_studio', displayName: 'Sandbox Studio' }): Promise<{ code: string; state: string | null }> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  if (!page.ok) throw new Error(`consent page refused the request (${page.status}): ${html}`);
  const action = html.match(/<form method="post" action="([^"]+)"/)?.[1];
  if (!action) throw new Error('no consent form on the page');
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(name!, unescapeHtml(value!));
  form.set('username', person.username);
  form.set('display_name', person.displayName);
  form.set('decision', 'approve');
  const answer = await fetch(new URL(unescapeHtml(action), authorizeUrl), { method: 'POST', body: form, redirect: 'manual' });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) throw new Error(`consent did not redirect (${answer.status}): ${await answer.text()}`);
  const redirect = new URL(location);
  const code = redirect.searchParams.get('code');
  if (!code) throw new Error(`consent redirected without a code: ${location}`);
  return { code, state: redirect.searchParams.get('state') };
}

function unescapeHtml(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&#x27;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/**
 * Connects a sandbox person the way the connect flow does: authorize address (with a PKCE S256 challenge
 * when the network wants one), consent page, code exchange, then the accounts the person may publish as.
 * Returns the state the consent redirect carried back.
 */
export async function connectSandboxPerson(
  platform: Platform,
  context: PlatformContext,
  request: { redirectUri: string; person?: SandboxPerson; state?: string },
): Promise<{ tokens: TokenSet; profiles: AccountProfile[]; state: string | null }> {
  const { redirectUri, person, state = 's' } = request;
  const codeVerifier = platform.oauth.pkce ? randomBytes(32).toString('base64url') : null;
  const codeChallenge = codeVerifier && createHash('sha256').update(codeVerifier).digest('base64url');
  const consent = await approveSandboxConsent(platform.oauth.authorizeUrl(context.settings, { state, redirectUri, codeChallenge }), person);
  const tokens = await platform.oauth.exchangeCode(context, { code: consent.code, redirectUri, codeVerifier });
  return { tokens, profiles: await platform.listAccounts(context, tokens), state: consent.state };
}

/** What the publisher holds for a connected account: the profile's own tokens (a Facebook Page's) or the connection's. */
export function accountHandle(profile: AccountProfile, tokens: TokenSet): AccountHandle {
  return { remoteId: profile.remoteId, kind: profile.kind, tokens: profile.tokens ?? tokens };
}

/** The context an adapter gets in production, pointed at `settings` (a standalone simulator's addresses). */
export function adapterContext(platform: Platform, settings: PlatformSettings): PlatformContext {
  return { settings, http: createHttpClient({ readVendorError: platform.readVendorError }), log: createLogger({ level: 'error' }) };
}

/** adapterContext() for the simulator at `simulatorUrl`: its sandbox endpoints and `client`'s credentials. */
export function simulatorContext(platform: Platform, simulatorUrl: string, client: TestClient = TEST_CLIENT): PlatformContext {
  return adapterContext(platform, { ...client, ...sandboxEndpoints(simulatorUrl, platform.id as PlatformId), sandbox: true });
}

/** A network's simulator on its own port, the adapter's context pointed at it, and a media server. */
export interface SimulatorRun {
  sim: NetworkSimulator;
  /** The simulator's base address (base path included). */
  url: string;
  context: PlatformContext;
  media: MediaServer;
  /** Stops the simulator and the media server. */
  close(): Promise<void>;
}

/**
 * Starts what a file of adapter tests needs in its beforeAll. `create` makes the simulator from the
 * standalone options (its address, `client` registered); spread them and add the network's own. `basePath`
 * mounts it below a path, as sandbox mode does in the service.
 */
export async function startSimulator(platform: Platform, client: TestClient, create: (options: SimulatorOptions) => NetworkSimulator, { basePath = '' } = {}): Promise<SimulatorRun> {
  const media = await serveMedia();
  let sim: NetworkSimulator | undefined;
  const server = await startStandalone((url) => {
    sim = create({ baseUrl: url + basePath, basePath, clients: [client] });
    return sim.router;
  });
  return {
    sim: sim!,
    url: server.url + basePath,
    context: simulatorContext(platform, server.url + basePath, client),
    media,
    close: async () => {
      await server.close();
      await media.close();
    },
  };
}

/** A Checkpoint kept in memory, as the publisher keeps it in post_targets.progress; `saves` counts the writes. */
export function memoryCheckpoint(initial: Record<string, unknown> = {}): Checkpoint & { saves: number } {
  let state: Record<string, unknown> = { ...initial };
  return {
    get state() {
      return state;
    },
    saves: 0,
    async save(patch) {
      state = { ...state, ...patch };
      this.saves += 1;
    },
  };
}

/** Content with defaults for what a test does not care about: text only. */
export function content(patch: Partial<PublishContent> = {}): PublishContent {
  return { text: 'Hello from Minopa', title: null, firstComment: null, threadParts: [], media: [], options: {}, ...patch };
}

/** Awaits a promise that must reject with a PlatformError, and returns that error for the test to inspect. */
export async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isPlatformError(error)) throw new Error(`expected a PlatformError, got ${String(error)}`);
  return error;
}

/** A label no other test run uses, so posts from earlier runs never count as duplicates. */
export const unique = (label: string): string => `${label} ${randomBytes(4).toString('hex')}`;
