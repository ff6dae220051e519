import type { PlatformId } from '#shared/platforms.js';
import { approveSandboxConsent, type SandboxPerson } from '../platforms/testing/harness.js';
import type { TestApp } from './test-app.js';

/**
 * Connects an account of `platform` to a workspace the way a person does: the service's connect
 * endpoint, the network's consent page (the sandbox simulator the test app mounts), then the service's
 * callback. `token` must be an owner's or admin's. Answers the new account's id.
 */
export async function connectThroughApp(app: TestApp, workspaceId: string, token: string, platform: PlatformId, person?: SandboxPerson): Promise<string> {
  const started = await app.request('POST', `/api/v1/workspaces/${workspaceId}/connect/${platform}`, { token });
  if (started.status !== 201) throw new Error(`connect did not start (${started.status}): ${started.text}`);
  const { code, state } = await approveSandboxConsent(started.body.authorizeUrl as string, person);
  const callback = await fetch(`${app.url}/api/v1/connect/${platform}/callback?${new URLSearchParams({ code, state: state ?? '' })}`);
  if (!callback.ok) throw new Error(`the callback refused the connection (${callback.status}): ${await callback.text()}`);
  const accounts = await app.request('GET', `/api/v1/workspaces/${workspaceId}/accounts`, { token });
  const account = (accounts.body.items as Array<{ id: string; platform: string; connectedAt: string }>)
    .filter((candidate) => candidate.platform === platform)
    .sort((a, b) => b.connectedAt.localeCompare(a.connectedAt))[0];
  if (!account) throw new Error(`no ${platform} account was connected`);
  return account.id;
}
