import { afterAll, describe, expect, it } from 'vitest';
import { createFacebookPlatform } from '../../../platforms/facebook/index.js';
import { createInstagramPlatform } from '../../../platforms/instagram/index.js';
import { SANDBOX_BASE_PATH } from '../../../platforms/settings.js';
import { approveSandboxConsent, simulatorContext, TEST_CLIENT } from '../../../platforms/testing/harness.js';
import { createThreadsPlatform } from '../../../platforms/threads/index.js';
import type { Platform } from '../../../platforms/types.js';
import { createFacebookSimulator } from '../facebook/index.js';
import { createInstagramSimulator } from '../instagram/index.js';
import { startStandalone, type Standalone } from '../kit/standalone.js';
import type { NetworkSimulator, SimulatorOptions } from '../kit/types.js';
import { createThreadsSimulator } from '../threads/index.js';

const servers: Standalone[] = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));

const cases: Array<{ id: string; platform: Platform; create: (options: SimulatorOptions) => NetworkSimulator }> = [
  { id: 'facebook', platform: createFacebookPlatform(), create: createFacebookSimulator },
  { id: 'instagram', platform: createInstagramPlatform(), create: createInstagramSimulator },
  { id: 'threads', platform: createThreadsPlatform(), create: createThreadsSimulator },
];

describe('Meta simulators mounted below /sandbox/networks/<id>, as in sandbox mode', () => {
  it.each(cases)('$id: the consent page, code exchange and account list work below the base path', async ({ platform, create }) => {
    const basePath = `${SANDBOX_BASE_PATH}/${platform.id}`;
    const server = await startStandalone((url) => create({ baseUrl: `${url}${basePath}`, basePath, clients: [TEST_CLIENT] }).router);
    servers.push(server);
    const context = simulatorContext(platform, `${server.url}${basePath}`);
    const redirectUri = 'http://app.test/callback';
    const { code } = await approveSandboxConsent(platform.oauth.authorizeUrl(context.settings, { state: 's', redirectUri, codeChallenge: null }), { username: 'mounted_user', displayName: 'Mounted' });
    const tokens = await platform.oauth.exchangeCode(context, { code, redirectUri, codeVerifier: null });
    const [account] = await platform.listAccounts(context, tokens);
    expect(account).toMatchObject({ name: 'Mounted', avatarUrl: expect.stringContaining(basePath) });
  });
});
