import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xPlatform } from '../../../platforms/x/index.js';
import { adapterContext, approveSandboxConsent, content, memoryCheckpoint } from '../../../platforms/testing/harness.js';
import { sandboxEndpoints } from '../../../platforms/settings.js';
import { startStandalone, type Standalone } from '../kit/standalone.js';
import { loadSpecChecker } from '../kit/spec-check.js';
import type { NetworkSimulator } from '../kit/types.js';
import { createXSimulator, X_SPEC } from './index.js';

const client = { clientId: 'minopa-x', clientSecret: 'x-secret' };
const basePath = '/sandbox/networks/x';
let sim: NetworkSimulator;
let server: Standalone;
let base: string;

beforeAll(async () => {
  const checkRequest = await loadSpecChecker(X_SPEC);
  // Mounted below its base path, as in the service's sandbox mode.
  server = await startStandalone((url) => {
    sim = createXSimulator({ baseUrl: url + basePath, basePath, clients: [client], checkRequest });
    return sim.router;
  });
  base = server.url + basePath;
});

afterAll(() => server.close());

async function connectedToken(): Promise<{ accessToken: string; remoteId: string }> {
  const ctx = adapterContext(xPlatform, { ...client, ...sandboxEndpoints(base, 'x'), sandbox: true });
  const verifier = randomBytes(32).toString('base64url');
  const authorizeUrl = xPlatform.oauth.authorizeUrl(ctx.settings, {
    state: 's',
    redirectUri: 'http://127.0.0.1:1/cb',
    codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
  });
  const { code } = await approveSandboxConsent(authorizeUrl);
  const tokens = await xPlatform.oauth.exchangeCode(ctx, { code, redirectUri: 'http://127.0.0.1:1/cb', codeVerifier: verifier });
  const [account] = await xPlatform.listAccounts(ctx, tokens);
  return { accessToken: tokens.accessToken, remoteId: account!.remoteId };
}

describe('X simulator', () => {
  it('serves the sandbox layout below its mount path: connect and publish work there', async () => {
    const ctx = adapterContext(xPlatform, { ...client, ...sandboxEndpoints(base, 'x'), sandbox: true });
    const { accessToken, remoteId } = await connectedToken();
    const result = await xPlatform.publish(ctx, { remoteId, kind: 'profile', tokens: { accessToken } }, content({ text: 'mounted' }), memoryCheckpoint(), 'k');
    expect(sim.posts.map((post) => post.id)).toContain(result.remoteId);
  });

  it('refuses with 400, in X’s problem shape, a request the official spec refuses, and records it', async () => {
    const { accessToken } = await connectedToken();
    const answer = await fetch(`${base}/2/tweets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hi', schedule_at: '2030-01-01' }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ type: 'https://api.x.com/2/problems/invalid-request', status: 400 });
    expect(sim.specViolations).toHaveLength(1);
    expect(sim.specViolations[0]).toContain('POST /2/tweets');
    expect(sim.posts.some((post) => post.text === 'hi')).toBe(false);
  });

  it('answers a request without a valid token with X’s 401 problem', async () => {
    const answer = await fetch(`${base}/2/users/me`, { headers: { authorization: 'Bearer nope' } });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ title: 'Unauthorized', detail: 'Unauthorized', type: 'about:blank', status: 401 });
  });

  it('refuses a code exchange without the PKCE verifier, as X does', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const authorizeUrl = xPlatform.oauth.authorizeUrl({ ...client, ...sandboxEndpoints(base, 'x'), sandbox: true }, {
      state: 's',
      redirectUri: 'http://127.0.0.1:1/cb',
      codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
    });
    const { code } = await approveSandboxConsent(authorizeUrl);
    const answer = await fetch(`${base}/2/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:1/cb' }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: 'invalid_request' });
  });
});
