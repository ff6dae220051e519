import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedinPlatform } from '../../../platforms/linkedin/index.js';
import { adapterContext, approveSandboxConsent, content, memoryCheckpoint } from '../../../platforms/testing/harness.js';
import { sandboxEndpoints } from '../../../platforms/settings.js';
import { startStandalone, type Standalone } from '../kit/standalone.js';
import type { NetworkSimulator } from '../kit/types.js';
import { createLinkedInSimulator } from './index.js';

const client = { clientId: 'minopa-linkedin', clientSecret: 'li-secret' };
const basePath = '/sandbox/networks/linkedin';
const redirectUri = 'http://127.0.0.1:1/cb';
let sim: NetworkSimulator;
let server: Standalone;
let base: string;

beforeAll(async () => {
  // Mounted below its base path, as in the service's sandbox mode.
  server = await startStandalone((url) => {
    sim = createLinkedInSimulator({ baseUrl: url + basePath, basePath, clients: [client], processingMs: 50 });
    return sim.router;
  });
  base = server.url + basePath;
});

afterAll(() => server.close());

async function accessToken(): Promise<string> {
  const ctx = adapterContext(linkedinPlatform, { ...client, ...sandboxEndpoints(base, 'linkedin'), sandbox: true });
  const { code } = await approveSandboxConsent(linkedinPlatform.oauth.authorizeUrl(ctx.settings, { state: 's', redirectUri, codeChallenge: null }));
  return (await linkedinPlatform.oauth.exchangeCode(ctx, { code, redirectUri, codeVerifier: null })).accessToken;
}

describe('LinkedIn simulator', () => {
  it('serves the sandbox layout below its mount path: connect and publish work there', async () => {
    const ctx = adapterContext(linkedinPlatform, { ...client, ...sandboxEndpoints(base, 'linkedin'), sandbox: true });
    const token = await accessToken();
    const [member] = await linkedinPlatform.listAccounts(ctx, { accessToken: token });
    const result = await linkedinPlatform.publish(ctx, { remoteId: member!.remoteId, kind: 'profile', tokens: { accessToken: token } }, content({ text: 'mounted' }), memoryCheckpoint(), 'k');
    expect(sim.posts.map((post) => post.id)).toEqual([result.remoteId]);
  });

  it('refuses a versioned call without LinkedIn-Version, as LinkedIn does', async () => {
    const answer = await fetch(`${base}/api/rest/organizationAcls?q=roleAssignee`, { headers: { authorization: `Bearer ${await accessToken()}`, 'x-restli-protocol-version': '2.0.0' } });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ status: 400, code: 'VERSION_MISSING' });
  });

  it('refuses a post as someone the token may not act for with 403 ACCESS_DENIED', async () => {
    const answer = await fetch(`${base}/api/rest/posts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await accessToken()}`, 'linkedin-version': '202601', 'x-restli-protocol-version': '2.0.0', 'content-type': 'application/json' },
      body: JSON.stringify({ author: 'urn:li:organization:1', commentary: 'hi', visibility: 'PUBLIC', distribution: { feedDistribution: 'MAIN_FEED' }, lifecycleState: 'PUBLISHED' }),
    });
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ code: 'ACCESS_DENIED' });
  });

  it('answers a code exchange with a wrong client secret with 401 invalid_client', async () => {
    const answer = await fetch(`${base}/oauth/v2/accessToken`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'x', redirect_uri: redirectUri, client_id: client.clientId, client_secret: 'wrong' }),
    });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'invalid_client' });
  });
});
