import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { approveSandboxConsent } from '../../service/platforms/testing/harness.js';

/** A person of the load run: their session, workspace and connected X account. */
export interface LoadUser {
  token: string;
  workspaceId: string;
  accountId: string;
}

async function call<T>(url: string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(url + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Signs a person up through `serviceUrl` as the extension does, marks the address verified (the emailed
 * link is not what is under test here), subscribes the workspace to Team through the Stripe sandbox's
 * Checkout (its Pay button posts the webhooks to the service, as Stripe would) and connects an X account
 * through the X simulator's consent page.
 */
export async function seedUser(serviceUrl: string, knex: Knex, index: number): Promise<LoadUser> {
  const legal = await call<{ terms: { version: string }; privacy: { version: string } }>(serviceUrl, 'GET', '/api/v1/legal', null);
  const email = `load-${index}-${randomUUID().slice(0, 8)}@example.com`;
  const signedUp = await call<{ token: string; user: { id: string; defaultWorkspaceId: string } }>(serviceUrl, 'POST', '/api/v1/auth/sign-up', null, {
    firstName: 'Load',
    lastName: `Person ${index}`,
    email,
    password: 'correct horse battery staple',
    ageConfirmed: true,
    acceptedLegalVersions: { terms: legal.terms.version, privacy: legal.privacy.version },
  });
  await knex('users').where({ id: signedUp.user.id }).update({ emailVerifiedAt: knex.fn.now() });
  const { token } = signedUp;
  const workspaceId = signedUp.user.defaultWorkspaceId;

  const checkout = await call<{ url: string }>(serviceUrl, 'POST', `/api/v1/workspaces/${workspaceId}/billing/checkout`, token, { plan: 'team' });
  const paid = await fetch(`${checkout.url}/pay`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '', redirect: 'manual' });
  if (paid.status !== 303) throw new Error(`the sandbox Checkout did not take the payment: ${paid.status} ${await paid.text()}`);
  const billing = await call<{ plan: string }>(serviceUrl, 'GET', `/api/v1/workspaces/${workspaceId}/billing`, token);
  if (billing.plan !== 'team') throw new Error(`the workspace is on ${billing.plan} after paying for Team`);

  const started = await call<{ authorizeUrl: string }>(serviceUrl, 'POST', `/api/v1/workspaces/${workspaceId}/connect/x`, token);
  const { code, state } = await approveSandboxConsent(started.authorizeUrl, { username: `load_${index}`, displayName: `Load ${index}` });
  const callback = await fetch(`${serviceUrl}/api/v1/connect/x/callback?${new URLSearchParams({ code, state: state ?? '' })}`);
  if (!callback.ok) throw new Error(`the X callback refused the connection: ${callback.status}`);
  const accounts = await call<{ items: { id: string; platform: string }[] }>(serviceUrl, 'GET', `/api/v1/workspaces/${workspaceId}/accounts`, token);
  const accountId = accounts.items.find((account) => account.platform === 'x')?.id;
  if (!accountId) throw new Error('no X account after connecting');
  return { token, workspaceId, accountId };
}

/**
 * Schedules `count` posts of `user` for the minute `at` (UTC, the workspace's default zone): bursts the
 * publisher must drain while the mix runs.
 */
export async function scheduleBurst(serviceUrl: string, user: LoadUser, at: Date, count: number): Promise<void> {
  const localTime = at.toISOString().slice(0, 16);
  for (let n = 0; n < count; n += 1) {
    const captured = await call<{ post: { id: string } }>(serviceUrl, 'POST', `/api/v1/workspaces/${user.workspaceId}/captures`, user.token, {
      clientId: randomUUID(),
      kind: 'page',
      url: `https://example.com/burst/${randomUUID()}`,
      title: `Burst at ${localTime}`,
    });
    await call(serviceUrl, 'PUT', `/api/v1/workspaces/${user.workspaceId}/posts/${captured.post.id}/targets`, user.token, { targets: [{ accountId: user.accountId }] });
    await call(serviceUrl, 'POST', `/api/v1/workspaces/${user.workspaceId}/posts/${captured.post.id}/schedule`, user.token, { when: 'at', localTime });
  }
}
