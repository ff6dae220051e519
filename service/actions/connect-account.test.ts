import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDeps } from '../jobs/types.js';
import { refreshAccountTokens } from '../jobs/refresh-account-tokens.js';
import { createLogger } from '../logger.js';
import { createSealer } from '../lib/token-crypto.js';
import { openTokens } from '../platforms/credentials.js';
import { platformConfigFrom } from '../platforms/config.js';
import { sandboxEndpoints } from '../platforms/settings.js';
import { startStandalone, type Standalone } from '../sandbox/networks/kit/standalone.js';
import type { NetworkSimulator } from '../sandbox/networks/kit/types.js';
import { createXSimulator } from '../sandbox/networks/x/index.js';
import { outboxEmails } from '../email/testing.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

let sim: NetworkSimulator;
let server: Standalone;
let app: TestApp;

beforeAll(async () => {
  server = await startStandalone((url) => {
    sim = createXSimulator({ baseUrl: url, basePath: '', clients: [{ clientId: 'x-app', clientSecret: 'x-secret' }] });
    return sim.router;
  });
  app = await createTestApp({
    config: { platforms: { ...platformConfigFrom({}), x: { clientId: 'x-app', clientSecret: 'x-secret', endpoints: sandboxEndpoints(server.url, 'x') } } },
  });
});
afterAll(async () => {
  await app?.close();
  await server?.close();
});

/** Goes through the network's consent page like a person: open it, press Allow (or Cancel). */
async function authorizeAtNetwork(authorizeUrl: string, decision: 'approve' | 'deny' = 'approve', username = 'sandbox_studio'): Promise<URL> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(name!, value!.replaceAll('&amp;', '&'));
  form.set('username', username);
  form.set('display_name', 'Sandbox Studio');
  form.set('decision', decision);
  const answer = await fetch(new URL(authorizeUrl).origin + new URL(authorizeUrl).pathname, { method: 'POST', body: form, redirect: 'manual' });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!);
}

/** Starts connecting X for `user`'s workspace and comes back to the service's callback. */
async function connectX(user: TestUser, username = 'sandbox_studio') {
  const started = await app.request('POST', `/api/v1/workspaces/${user.workspaceId}/connect/x`, { token: user.token });
  expect(started.status).toBe(201);
  const back = await authorizeAtNetwork(started.body.authorizeUrl, 'approve', username);
  const callback = await fetch(`${app.url}${back.pathname}${back.search}`);
  return { started, back, callback, html: await callback.text() };
}

const accountsOf = async (user: TestUser) => (await app.request('GET', `/api/v1/workspaces/${user.workspaceId}/accounts`, { token: user.token })).body.items;

describe('connecting a network account', () => {
  it('P25: sends the person to the network with a state and a PKCE challenge, exchanges the code on the service, and keeps only P9 fields', async () => {
    const owner = await app.signUp();
    const { started, callback, html } = await connectX(owner);
    const authorize = new URL(started.body.authorizeUrl);
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${app.config.publicUrl}/api/v1/connect/x/callback`);
    expect(callback.status).toBe(200);
    expect(html).toContain('X connected');
    expect(html).toContain('@sandbox_studio');
    const [account] = await accountsOf(owner);
    expect(account).toMatchObject({ platform: 'x', kind: 'profile', username: 'sandbox_studio', name: 'Sandbox Studio', status: 'active', sandbox: false });
    expect(Object.keys(account).sort()).toEqual(['avatarUrl', 'connectedAt', 'id', 'kind', 'name', 'platform', 'remoteId', 'sandbox', 'status', 'statusReason', 'username', 'workspaceId']);
  });

  it('P26: stores the tokens sealed, never in the clear', async () => {
    const owner = await app.signUp();
    await connectX(owner, 'sealed_account');
    const row = await app.db.knex('connected_accounts').where({ workspaceId: owner.workspaceId }).first();
    expect(row.credentialsKeyId).toBe('test');
    expect(row.credentials).not.toMatch(/at-|rt-/);
    expect(row.accessExpiresAt.getTime()).toBeGreaterThan(Date.now() + 3600_000);
  });

  it('P25: a state works once, only for its network, and a cancelled authorization connects nothing', async () => {
    const owner = await app.signUp();
    const { back } = await connectX(owner);
    const again = await fetch(`${app.url}${back.pathname}${back.search}`);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('took too long or was already finished');
    const forged = await fetch(`${app.url}/api/v1/connect/x/callback?state=forged&code=whatever`);
    expect(forged.status).toBe(400);
    // A state given twice arrives as a list: refused like a state that does not match (the fuzz run found a 500).
    const twice = await fetch(`${app.url}/api/v1/connect/x/callback?state=forged&state=forged&code=a&code=b`);
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('took too long or was already finished');

    const started = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/connect/x`, { token: owner.token });
    const denied = await authorizeAtNetwork(started.body.authorizeUrl, 'deny');
    expect(denied.searchParams.get('error')).toBe('access_denied');
    const page = await fetch(`${app.url}${denied.pathname}${denied.search}`);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('cancelled at the network');
    expect(await accountsOf(owner)).toHaveLength(1);
  });

  it('reconnecting the same account updates it instead of adding a second one', async () => {
    const owner = await app.signUp();
    await connectX(owner, 'same_one');
    await connectX(owner, 'same_one');
    expect(await accountsOf(owner)).toHaveLength(1);
  });

  it('P14: a workspace never sees another workspace’s accounts', async () => {
    const owner = await app.signUp();
    await connectX(owner, 'private_one');
    const stranger = await app.signUp();
    expect(await accountsOf(stranger)).toEqual([]);
    const [account] = await accountsOf(owner);
    const attempt = await app.request('DELETE', `/api/v1/workspaces/${stranger.workspaceId}/accounts/${account.id}`, { token: stranger.token });
    expect(attempt.status).toBe(404);
  });

  it('a network the service is not set up for is refused with a clear error', async () => {
    const production = await createTestApp({ config: { env: 'production' } });
    try {
      const owner = await production.signUp();
      const networks = await production.request('GET', `/api/v1/workspaces/${owner.workspaceId}/networks`, { token: owner.token });
      expect(networks.body.items.every((network: { available: boolean }) => !network.available)).toBe(true);
      const started = await production.request('POST', `/api/v1/workspaces/${owner.workspaceId}/connect/youtube`, { token: owner.token });
      expect(started.status).toBe(404);
      expect(started.body.error.code).toBe('network_unavailable');
    } finally {
      await production.close();
    }
  });
});

describe('disconnecting', () => {
  it('P18: revokes the token at the network, deletes the tokens and cancels what was scheduled to the account', async () => {
    const owner = await app.signUp();
    await connectX(owner, 'leaving_soon');
    const [account] = await accountsOf(owner);
    const [post] = await app.db.knex('posts').insert({ workspaceId: owner.workspaceId, body: 'Hello' }).returning('id');
    await app.db.knex('post_targets').insert({
      workspaceId: owner.workspaceId, postId: post.id, accountId: account.id, platform: 'x', status: 'scheduled', dueAt: new Date(Date.now() + 3600_000), runAt: new Date(Date.now() + 3600_000),
    });
    const live = sim.store.liveAccessTokens();
    const answer = await app.request('DELETE', `/api/v1/workspaces/${owner.workspaceId}/accounts/${account.id}`, { token: owner.token });
    expect(answer.status).toBe(204);
    expect(sim.store.liveAccessTokens()).toBe(live - 1);
    const row = await app.db.knex('connected_accounts').where('id', account.id).first();
    expect(row).toMatchObject({ status: 'disconnected', credentials: null, credentialsKeyId: null });
    expect(await accountsOf(owner)).toEqual([]);
    const target = await app.db.knex('post_targets').where('postId', post.id).first();
    expect(target).toMatchObject({ status: 'cancelled', failureMessage: 'The X account was disconnected.' });
    const audit = await app.request('GET', `/api/v1/workspaces/${owner.workspaceId}/audit-events`, { token: owner.token });
    expect(audit.body.items.map((event: { action: string }) => event.action)).toEqual(expect.arrayContaining(['account.connected', 'account.disconnected']));
  });
});

describe('refreshing tokens', () => {
  const deps = (): JobDeps => ({ knex: app.db.knex, config: app.config, logger: createLogger({ level: 'error' }), storage: app.storage });

  it('refreshes ahead of expiry and stores the new single-use refresh token before anything else', async () => {
    const owner = await app.signUp();
    await connectX(owner, 'refresh_me');
    const [account] = await accountsOf(owner);
    await app.db.knex('connected_accounts').where('id', account.id).update({ accessExpiresAt: new Date(Date.now() + 60_000) });
    const before = (await app.db.knex('connected_accounts').where('id', account.id).first()).credentials;
    const first = await refreshAccountTokens(deps());
    expect(first.refreshed).toBeGreaterThanOrEqual(1);
    const after = await app.db.knex('connected_accounts').where('id', account.id).first();
    expect(after.credentials).not.toBe(before);
    expect(after.accessExpiresAt.getTime()).toBeGreaterThan(Date.now() + 3600_000);
    expect(after.refreshLeaseOwner).toBeNull();
    // Nothing is due now: a second run refreshes nothing of this account.
    await refreshAccountTokens(deps());
    expect((await app.db.knex('connected_accounts').where('id', account.id).first()).credentials).toBe(after.credentials);
  });

  it('a refused refresh marks the account “reconnect needed” and emails owners and admins once', async () => {
    const owner = await app.signUp();
    await connectX(owner, 'revoked_elsewhere');
    const [account] = await accountsOf(owner);
    await app.db.knex('connected_accounts').where('id', account.id).update({ accessExpiresAt: new Date(Date.now() + 60_000) });
    const row = await app.db.knex('connected_accounts').where('id', account.id).first();
    // The person revoked Minopa's access at X: the stored refresh token no longer works.
    sim.store.revoke(openTokens(createSealer(app.config.tokenKeys), row).refreshToken!);
    const outcome = await refreshAccountTokens(deps());
    expect(outcome.reconnectNeeded).toBeGreaterThanOrEqual(1);
    const [listed] = await accountsOf(owner);
    expect(listed).toMatchObject({ status: 'reconnect_needed' });
    expect(listed.statusReason).toContain('X refused to renew');
    await refreshAccountTokens(deps());
    const emails = await outboxEmails(app.db.knex, owner.email, 'account-reconnect');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.data).toMatchObject({ network: 'X', accountName: '@revoked_elsewhere' });
  });
});
