import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANS } from '#shared/billing/plans.js';
import { approveSandboxConsent } from '../platforms/testing/harness.js';
import { platformConfigFrom } from '../platforms/config.js';
import { sandboxEndpoints } from '../platforms/settings.js';
import { startStandalone, type Standalone } from '../sandbox/networks/kit/standalone.js';
import { createXSimulator } from '../sandbox/networks/x/index.js';
import type { StripeSandbox } from '../sandbox/stripe/server.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { addMember, freshEmail, makeUser } from '../testing/teams.js';
import { billingTestConfig, startBillingSandbox } from './testing.js';
import { STRIPE_WEBHOOK_PATH } from './webhook.js';

/**
 * Each plan limit is enforced where the thing is added — inviting, connecting, scheduling, uploading —
 * with 402 plan_limit_reached, a sentence naming the limit and the plan that lifts it, and the
 * upgradeUrl; subscribing lifts it.
 */

let app: TestApp;
let stripe: StripeSandbox;
// Connecting goes through an X simulator.
let x: Standalone;

beforeAll(async () => {
  stripe = await startBillingSandbox();
  x = await startStandalone((url) => createXSimulator({ baseUrl: url, basePath: '', clients: [{ clientId: 'x-app', clientSecret: 'x-secret' }] }).router);
  app = await createTestApp({
    config: {
      billing: billingTestConfig(stripe),
      platforms: { ...platformConfigFrom({}), x: { clientId: 'x-app', clientSecret: 'x-secret', endpoints: sandboxEndpoints(x.url, 'x') } },
    },
  });
  stripe.webhookUrl = app.url + STRIPE_WEBHOOK_PATH;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await stripe?.close();
  await x?.close();
});

async function subscribe(owner: TestUser): Promise<void> {
  const checkout = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/billing/checkout`, { token: owner.token, body: { plan: 'pro' } });
  await stripe.deliverAll(stripe.world.completeCheckout(new URL(checkout.body.url).pathname.split('/').pop()!));
}

function expectLimit(response: { status: number; body: { error: { code: string; message: string; upgradeUrl?: string } } }, words: string) {
  expect(response.status).toBe(402);
  expect(response.body.error).toEqual({
    code: 'plan_limit_reached',
    message: expect.stringContaining(words),
    upgradeUrl: `${app.config.publicUrl}/billing/plans`,
  });
  expect(response.body.error.message).toContain('The Pro plan allows');
}

describe('plan limits', () => {
  it('members: pending invitations count; the sixth is refused on Free (in English and German) and allowed on Pro', async () => {
    const owner = await makeUser(app);
    for (const firstName of ['Bea', 'Cy', 'Di']) await addMember(app, owner.workspaceId, await makeUser(app, { firstName }), 'editor');
    const invite = (headers: Record<string, string> = {}) =>
      app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/invitations`, { token: owner.token, body: { email: freshEmail(), role: 'viewer' }, headers });
    expect((await invite()).status).toBe(201);
    const refused = await invite();
    expectLimit(refused, `Free plan’s limit of ${PLANS.free.limits.members} members`);
    const german = await invite({ 'accept-language': 'de' });
    expect(german.body.error.message).toContain('Der Tarif Pro erlaubt 10 Mitglieder');
    expect(await app.db.knex('invitations').where({ workspaceId: owner.workspaceId })).toHaveLength(1);
    await subscribe(owner);
    expect((await invite()).status).toBe(201);
  });

  it('connected accounts: connecting a sixth is refused at the callback; reconnecting one that exists is not', async () => {
    const owner = await makeUser(app);
    const connect = async () => {
      const started = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/connect/x`, { token: owner.token });
      expect(started.status).toBe(201);
      const { code, state } = await approveSandboxConsent(started.body.authorizeUrl as string);
      return fetch(`${app.url}/api/v1/connect/x/callback?${new URLSearchParams({ code, state: state ?? '' })}`);
    };
    expect((await connect()).status).toBe(200);
    await app.db.knex('connectedAccounts').insert(
      Array.from({ length: PLANS.free.limits.connectedAccounts - 1 }, (_, n) => ({ workspaceId: owner.workspaceId, platform: 'linkedin', kind: 'profile', remoteId: `seeded-${n}-${randomUUID()}`, name: `Seeded ${n}` })),
    );
    // The same X account again (a reconnect) is not a sixth account.
    expect((await connect()).status).toBe(200);
    await app.db.knex('connectedAccounts').where({ workspaceId: owner.workspaceId, platform: 'x' }).update({ remoteId: randomUUID() });
    const refused = await connect();
    expect(refused.status).toBe(402);
    const page = await refused.text();
    expect(page).toContain('Free plan’s limit of 5 connected accounts');
    expect(page).toContain(`<a href="${app.config.publicUrl}/billing/plans">See the plans and upgrade</a>`);
    expect(await app.db.knex('connectedAccounts').where({ workspaceId: owner.workspaceId })).toHaveLength(5);
  });

  it('scheduled posts: the 51st post of the month is refused; a post already counted is not counted again', async () => {
    const owner = await makeUser(app);
    const [account] = await app.db.knex('connectedAccounts').insert({ workspaceId: owner.workspaceId, platform: 'x', kind: 'profile', remoteId: randomUUID(), name: 'Studio' }).returning('id');
    const now = new Date();
    const post = async (status: 'draft' | 'scheduled') => {
      const [row] = await app.db.knex('posts').insert({ workspaceId: owner.workspaceId, createdBy: owner.user.id, title: 'T', body: `Post ${randomUUID()}` }).returning('id');
      await app.db.knex('postTargets').insert({ workspaceId: owner.workspaceId, postId: row.id, accountId: account.id, platform: 'x', status, ...(status === 'scheduled' ? { dueAt: now, runAt: now } : {}) });
      return row.id as string;
    };
    const counted: string[] = [];
    for (let n = 0; n < PLANS.free.limits.scheduledPostsPerMonth; n++) counted.push(await post('scheduled'));
    const fresh = await post('draft');
    const schedule = (postId: string) => app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/posts/${postId}/schedule`, { token: owner.token, body: { when: 'now' } });
    expectLimit(await schedule(fresh), 'Free plan’s limit of 50 scheduled posts per month');
    expect(await app.db.knex('postTargets').where({ postId: fresh })).toEqual([expect.objectContaining({ status: 'draft' })]);
    expect((await schedule(counted[0]!)).status).toBe(200);
  });

  it('media storage: an upload beyond the plan’s storage is refused and leaves nothing behind', async () => {
    const owner = await makeUser(app);
    await app.db.knex('media').insert({ workspaceId: owner.workspaceId, kind: 'document', mimeType: 'application/pdf', sizeBytes: PLANS.free.limits.mediaStorageBytes, storageKey: `seeded/${randomUUID()}` });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const upload = await fetch(`${app.url}/api/v1/workspaces/${owner.workspaceId}/media`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'image/png', 'x-filename': 'pixel.png' }, body: png });
    expectLimit({ status: upload.status, body: (await upload.json()) as { error: { code: string; message: string; upgradeUrl?: string } } }, 'Free plan’s limit of 1 GB of media storage');
    expect(await app.db.knex('media').where({ workspaceId: owner.workspaceId })).toHaveLength(1);
    const resumable = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/media/uploads`, { token: owner.token, body: { filename: 'big.mp4', sizeBytes: 1024 } });
    expect(resumable.status).toBe(402);
  });
});
