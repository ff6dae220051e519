import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANS } from '#shared/billing/plans.js';
import { outboxEmails } from '../email/testing.js';
import { sendOutbox } from '../email/send-outbox.js';
import { suppressEmail } from '../email/suppressions.js';
import { createLogger } from '../logger.js';
import type { StripeSandbox } from '../sandbox/stripe/server.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { addMember, makeUser } from '../testing/teams.js';
import { endGracePeriods, removeExpiredBillingData } from './grace.js';
import { billingTestConfig, startBillingSandbox, TEST_PRICES } from './testing.js';
import { STRIPE_WEBHOOK_PATH } from './webhook.js';

/**
 * Paid plans end to end: the app with the real Stripe SDK pointed at the local Stripe server (every
 * request checked against Stripe's OpenAPI document), Checkout and the portal as an owner calls them,
 * and the webhooks Stripe would send, signed with the SDK's own test header helper.
 */

let app: TestApp;
let stripe: StripeSandbox;

beforeAll(async () => {
  stripe = await startBillingSandbox();
  app = await createTestApp({ config: { billing: billingTestConfig(stripe) } });
  stripe.webhookUrl = app.url + STRIPE_WEBHOOK_PATH;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await stripe?.close();
});

const billingOf = async (person: TestUser) => (await app.request('GET', `/api/v1/workspaces/${person.workspaceId}/billing`, { token: person.token })).body;
const subscriptionRow = (workspaceId: string) => app.db.knex('workspaceSubscriptions').where({ workspaceId }).first();

/** An owner who went through Checkout for `plan` and paid: returns the subscription id. */
async function subscribe(owner: TestUser, plan: 'pro' | 'team' = 'pro'): Promise<string> {
  const checkout = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/billing/checkout`, { token: owner.token, body: { plan } });
  expect(checkout.status).toBe(201);
  const sessionId = new URL(checkout.body.url).pathname.split('/').pop()!;
  const events = stripe.world.completeCheckout(sessionId);
  const results = await stripe.deliverAll(events);
  expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
  return events[1]!.data.object.id;
}

describe('subscribing, changing and cancelling', () => {
  it('subscribes through a hosted Checkout Session; the plan changes when Stripe’s webhook says so', async () => {
    const owner = await makeUser(app);
    expect(await billingOf(owner)).toMatchObject({ enabled: true, plan: 'free', limits: PLANS.free.limits, subscription: null });
    const checkout = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/billing/checkout`, { token: owner.token, body: { plan: 'pro' } });
    expect(checkout.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/c\/pay\/cs_test_/);
    // Paying has not happened yet: still Free.
    expect((await billingOf(owner)).plan).toBe('free');
    const created = stripe.requests.filter((request) => request.method === 'POST' && request.status === 200).slice(-2);
    expect(created.map((request) => request.path)).toEqual(['/v1/customers', '/v1/checkout/sessions']);
    expect(created[1]!.body).toMatchObject({ mode: 'subscription', client_reference_id: owner.workspaceId, line_items: [{ price: TEST_PRICES.pro, quantity: '1' }] });

    const sessionId = new URL(checkout.body.url).pathname.split('/').pop()!;
    const results = await stripe.deliverAll(stripe.world.completeCheckout(sessionId));
    expect(results.map((result) => (result.body as { outcome: string }).outcome)).toEqual(['processed', 'processed', 'processed']);
    const state = await billingOf(owner);
    expect(state).toMatchObject({ plan: 'pro', limits: PLANS.pro.limits, subscription: { plan: 'pro', status: 'active', cancelAtPeriodEnd: false, graceEndsAt: null, limitedToFree: false } });
    expect(new Date(state.subscription.currentPeriodEnd).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    // P19: the paid invoice is a billing record.
    const records = await app.db.knex('billingRecords').where({ workspaceId: owner.workspaceId });
    expect(records).toEqual([expect.objectContaining({ plan: 'pro', amountDue: '1200', amountPaid: '1200', currency: 'eur', status: 'paid' })]);
  });

  it('two owners asking for the same plan at once get the same Checkout Session, so nobody pays twice', async () => {
    const owner = await makeUser(app);
    const second = await makeUser(app);
    await addMember(app, owner.workspaceId, second, 'owner');
    const ask = (person: TestUser) => app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/billing/checkout`, { token: person.token, body: { plan: 'pro' } });
    const [first, other] = await Promise.all([ask(owner), ask(second)]);
    expect(first.status).toBe(201);
    expect(other.body.url).toBe(first.body.url);
  });

  it('a running subscription is changed in the portal, not by a second checkout', async () => {
    const owner = await makeUser(app);
    await subscribe(owner);
    const again = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/billing/checkout`, { token: owner.token, body: { plan: 'team' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_subscribed');
    const portal = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/billing/portal`, { token: owner.token });
    expect(portal.status).toBe(201);
    expect(portal.body.url).toMatch(/\/p\/session\/bps_/);
    const customer = (await subscriptionRow(owner.workspaceId)).stripeCustomerId;
    expect(stripe.requests.at(-1)).toMatchObject({ path: '/v1/billing_portal/sessions', status: 200, body: { customer, return_url: `${app.config.publicUrl}/billing/done?result=managed` } });
  });

  it('upgrades from Pro to Team when the portal changes the price', async () => {
    const owner = await makeUser(app);
    const subscriptionId = await subscribe(owner);
    await stripe.deliverAll(stripe.world.changePrice(subscriptionId, TEST_PRICES.team));
    expect(await billingOf(owner)).toMatchObject({ plan: 'team', limits: PLANS.team.limits, subscription: { plan: 'team', status: 'active' } });
  });

  it('cancelling at period end keeps the plan until Stripe ends the subscription; then Free, nothing deleted', async () => {
    const owner = await makeUser(app);
    const subscriptionId = await subscribe(owner);
    await app.db.knex('posts').insert({ workspaceId: owner.workspaceId, createdBy: owner.user.id, title: 'Kept', body: 'Still here' });
    await stripe.deliverAll(stripe.world.cancelAtPeriodEnd(subscriptionId));
    expect(await billingOf(owner)).toMatchObject({ plan: 'pro', subscription: { cancelAtPeriodEnd: true, status: 'active' } });
    await stripe.deliverAll(stripe.world.endSubscription(subscriptionId));
    expect(await billingOf(owner)).toMatchObject({ plan: 'free', limits: PLANS.free.limits, subscription: { status: 'canceled' } });
    expect(await app.db.knex('posts').where({ workspaceId: owner.workspaceId, title: 'Kept' })).toHaveLength(1);
  });
});

describe('the sandbox’s hosted pages (trying billing locally)', () => {
  it('paying on the Checkout page subscribes; the portal page switches plan and cancels — each through the webhook', async () => {
    const owner = await makeUser(app);
    const checkout = await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/billing/checkout`, { token: owner.token, body: { plan: 'pro' } });
    expect(await (await fetch(checkout.body.url)).text()).toContain('12.00 EUR a month');
    const paid = await fetch(`${checkout.body.url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`${app.config.publicUrl}/billing/done?result=subscribed`);
    expect((await billingOf(owner)).plan).toBe('pro');
    const portal = (await app.request('POST', `/api/v1/workspaces/${owner.workspaceId}/billing/portal`, { token: owner.token })).body.url as string;
    const subscription = (await subscriptionRow(owner.workspaceId)).stripeSubscriptionId as string;
    const post = (action: string, fields: Record<string, string>) => fetch(`${portal}/${action}`, { method: 'POST', redirect: 'manual', body: new URLSearchParams(fields) });
    expect((await post('change', { subscription, price: TEST_PRICES.team })).status).toBe(303);
    expect((await billingOf(owner)).plan).toBe('team');
    await post('cancel', { subscription });
    expect(await billingOf(owner)).toMatchObject({ plan: 'team', subscription: { cancelAtPeriodEnd: true } });
    expect(await (await fetch(portal)).text()).toContain('ends at period end');
  });
});

describe('a failed payment', () => {
  it('emails the owners, keeps the plan through the grace period, then falls back to Free without deleting; a later payment lifts it', async () => {
    const owner = await makeUser(app);
    const coOwner = await makeUser(app, { firstName: 'Grace' });
    const editor = await makeUser(app, { firstName: 'Edna' });
    await addMember(app, owner.workspaceId, coOwner, 'owner');
    await addMember(app, owner.workspaceId, editor, 'editor');
    const subscriptionId = await subscribe(owner);
    const failure = stripe.world.failRenewal(subscriptionId);
    await stripe.deliverAll(failure);
    // Billing notices are transactional: an owner who unsubscribed from account emails still gets them.
    await suppressEmail(app.db.knex, { email: coOwner.email, kind: 'account' });
    await sendOutbox({ knex: app.db.knex, config: app.config, logger: createLogger({ level: 'error', write: () => undefined }) });
    expect(await outboxEmails(app.db.knex, coOwner.email, 'billing-payment-failed')).toEqual([expect.objectContaining({ status: 'sent' })]);
    // Stripe says it again (a retry of the same delivery): still one email each.
    await stripe.deliver(failure[0]!);

    const state = await billingOf(owner);
    expect(state).toMatchObject({ plan: 'pro', subscription: { status: 'past_due', limitedToFree: false } });
    const graceEnds = new Date(state.subscription.graceEndsAt).getTime();
    expect(Math.abs(graceEnds - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);
    for (const person of [owner, coOwner]) {
      const emails = await outboxEmails(app.db.knex, person.email, 'billing-payment-failed');
      expect(emails).toHaveLength(1);
      expect(emails[0]!.data).toMatchObject({ planName: 'Pro', workspaceName: expect.any(String), graceEnds: expect.stringMatching(/\d{4}$/) });
    }
    expect(await outboxEmails(app.db.knex, editor.email, 'billing-payment-failed')).toHaveLength(0);
    const openInvoice = failure[0]!.data.object.id;
    expect(await app.db.knex('billingRecords').where({ stripeInvoiceId: openInvoice }).first()).toMatchObject({ status: 'open', amountPaid: '0' });

    // The job before the grace period ends changes nothing; after it, Free limits apply.
    expect(await endGracePeriods(app.db.knex, new Date(graceEnds - 60_000))).toBe(0);
    expect(await endGracePeriods(app.db.knex, new Date(graceEnds + 1000))).toBeGreaterThanOrEqual(1);
    expect(await billingOf(owner)).toMatchObject({ plan: 'free', limits: PLANS.free.limits, subscription: { plan: 'pro', status: 'past_due', limitedToFree: true } });
    expect(await outboxEmails(app.db.knex, owner.email, 'billing-limited')).toHaveLength(1);
    expect(await app.db.knex('memberships').where({ workspaceId: owner.workspaceId })).toHaveLength(3);

    await stripe.deliverAll(stripe.world.payInvoice(openInvoice));
    expect(await billingOf(owner)).toMatchObject({ plan: 'pro', subscription: { status: 'active', graceEndsAt: null, limitedToFree: false } });
    expect(await app.db.knex('billingRecords').where({ stripeInvoiceId: openInvoice }).first()).toMatchObject({ status: 'paid', amountPaid: '1200' });
  });
});

describe('webhook deliveries', () => {
  it('processes each event id once, also when the same delivery arrives twice at the same time', async () => {
    const owner = await makeUser(app);
    const subscriptionId = await subscribe(owner);
    const [update] = stripe.world.changePrice(subscriptionId, TEST_PRICES.team);
    const retrievesBefore = stripe.requests.filter((request) => request.method === 'GET').length;
    const outcomes = await Promise.all([stripe.deliver(update!), stripe.deliver(update!)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([200, 200]);
    expect(outcomes.map((outcome) => (outcome.body as { outcome: string }).outcome).sort()).toEqual(['duplicate', 'processed']);
    const later = await stripe.deliver(update!);
    expect(later.body).toEqual({ received: true, outcome: 'duplicate' });
    // The later redelivery did not even ask Stripe.
    expect(stripe.requests.filter((request) => request.method === 'GET').length).toBeLessThanOrEqual(retrievesBefore + 2);
    expect(await app.db.knex('stripeEvents').where({ id: update!.id })).toEqual([expect.objectContaining({ type: 'customer.subscription.updated', processedAt: expect.any(Date) })]);
  });

  it('out of order: an older event arriving last does not undo a newer state (the current subscription is read from Stripe)', async () => {
    const owner = await makeUser(app);
    const subscriptionId = await subscribe(owner);
    const [toTeam] = stripe.world.changePrice(subscriptionId, TEST_PRICES.team);
    const [backToPro] = stripe.world.changePrice(subscriptionId, TEST_PRICES.pro);
    expect(toTeam!.data.object.items).toMatchObject({ data: [{ price: { id: TEST_PRICES.team } }] });
    await stripe.deliver(backToPro!);
    await stripe.deliver(toTeam!);
    expect((await billingOf(owner)).plan).toBe('pro');
    // A created event delivered after the deletion leaves the subscription ended.
    const [ended] = stripe.world.endSubscription(subscriptionId);
    await stripe.deliver(ended!);
    await stripe.deliver(stripe.world.otherEvent('customer.subscription.created', toTeam!.data.object));
    expect(await billingOf(owner)).toMatchObject({ plan: 'free', subscription: { status: 'canceled' } });
  });

  it('refuses a bad signature, a tampered body and a missing header with 400, changing nothing', async () => {
    const owner = await makeUser(app);
    const subscriptionId = await subscribe(owner);
    const before = await subscriptionRow(owner.workspaceId);
    const [update] = stripe.world.changePrice(subscriptionId, TEST_PRICES.team);
    const forged = await stripe.deliver(update!, { secret: 'whsec_forged' });
    expect(forged).toMatchObject({ status: 400, body: { error: { code: 'webhook_signature_invalid' } } });
    const tampered = await stripe.deliver(update!, { tamperedPayload: JSON.stringify({ ...update!, type: 'customer.subscription.deleted' }) });
    expect(tampered.status).toBe(400);
    const unsigned = await fetch(stripe.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(update) });
    expect(unsigned.status).toBe(400);
    expect(await app.db.knex('stripeEvents').where({ id: update!.id })).toHaveLength(0);
    expect(await subscriptionRow(owner.workspaceId)).toEqual(before);
  });

  it('refuses a replayed old delivery (signed outside the 5-minute tolerance)', async () => {
    const owner = await makeUser(app);
    const subscriptionId = await subscribe(owner);
    const [update] = stripe.world.changePrice(subscriptionId, TEST_PRICES.team);
    const replay = await stripe.deliver(update!, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(replay).toMatchObject({ status: 400, body: { error: { code: 'webhook_signature_invalid' } } });
    expect((await billingOf(owner)).plan).toBe('pro');
    // The same event signed now is accepted.
    expect((await stripe.deliver(update!)).body).toMatchObject({ outcome: 'processed' });
    expect((await billingOf(owner)).plan).toBe('team');
  });

  it('acknowledges event types it does not handle and records nothing', async () => {
    const event = stripe.world.otherEvent('customer.created', { id: 'cus_other', object: 'customer' });
    expect(await stripe.deliver(event)).toEqual({ status: 200, body: { received: true, outcome: 'ignored' } });
    expect(await app.db.knex('stripeEvents').where({ id: event.id })).toHaveLength(0);
  });
});

describe('billing records (P19) and the Stripe customer (P18)', () => {
  it('keep the invoice with the workspace’s name after the workspace is deleted', async () => {
    const owner = await makeUser(app);
    await subscribe(owner);
    const { name } = await app.db.knex('workspaces').where({ id: owner.workspaceId }).first('name');
    const [record] = await app.db.knex('billingRecords').where({ workspaceId: owner.workspaceId });
    await app.db.knex('workspaces').where({ id: owner.workspaceId }).delete();
    await app.db.knex('users').where({ id: owner.user.id }).delete();
    expect(await app.db.knex('billingRecords').where({ id: record.id }).first()).toMatchObject({ workspaceId: null, workspaceName: name, stripeCustomerId: record.stripeCustomerId, status: 'paid' });
    // Nothing asked Stripe to delete the customer.
    expect(stripe.requests.filter((request) => request.method === 'DELETE')).toEqual([]);
  });
});

describe('P19: retention of billing data', () => {
  it('removes billing records after 7 years and processed webhook ids after 30 days, nothing younger', async () => {
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const record = (id: string, createdAt: Date) => ({
      stripeInvoiceId: id, stripeCustomerId: 'cus_retention', workspaceName: 'Old', amountDue: 100, amountPaid: 100, currency: 'eur',
      periodStart: createdAt, periodEnd: createdAt, status: 'paid', createdAt,
    });
    await app.db.knex('billingRecords').insert([record('in_retentionold', daysAgo(7 * 366)), record('in_retentionkept', daysAgo(7 * 365 - 5))]);
    await app.db.knex('stripeEvents').insert([{ id: 'evt_retentionold', type: 'invoice.paid', receivedAt: daysAgo(31) }, { id: 'evt_retentionkept', type: 'invoice.paid', receivedAt: daysAgo(29) }]);
    await removeExpiredBillingData(app.db.knex, now);
    expect(await app.db.knex('billingRecords').where('stripeInvoiceId', 'like', 'in_retention%').select('stripeInvoiceId')).toEqual([{ stripeInvoiceId: 'in_retentionkept' }]);
    expect(await app.db.knex('stripeEvents').where('id', 'like', 'evt_retention%').select('id')).toEqual([{ id: 'evt_retentionkept' }]);
  });
});

describe('without Stripe', () => {
  it('billing is off: every workspace is Free, checkout and the webhook say so', async () => {
    const plain = await createTestApp();
    try {
      const owner = await makeUser(plain);
      const state = (await plain.request('GET', `/api/v1/workspaces/${owner.workspaceId}/billing`, { token: owner.token })).body;
      expect(state).toEqual({ enabled: false, plan: 'free', limits: PLANS.free.limits, usage: expect.objectContaining({ members: 1 }), subscription: null });
      const checkout = await plain.request('POST', `/api/v1/workspaces/${owner.workspaceId}/billing/checkout`, { token: owner.token, body: { plan: 'pro' } });
      expect(checkout.status).toBe(409);
      expect(checkout.body.error).toEqual({ code: 'billing_disabled', message: expect.stringContaining('Free plan') });
      const german = await plain.request('POST', `/api/v1/workspaces/${owner.workspaceId}/billing/portal`, { token: owner.token, headers: { 'accept-language': 'de' } });
      expect(german.body.error.message).toContain('Abrechnung');
      expect((await plain.request('POST', STRIPE_WEBHOOK_PATH, { body: '{}' })).status).toBe(409);
      const plans = await fetch(`${plain.url}/billing/plans`);
      expect(await plans.text()).toContain('Billing is off');
      // The Free limits apply, and their refusal does not offer a plan nobody can buy here.
      for (const firstName of ['Bea', 'Cy', 'Di', 'Ed']) await addMember(plain, owner.workspaceId, await makeUser(plain, { firstName }), 'viewer');
      const refused = await plain.request('POST', `/api/v1/workspaces/${owner.workspaceId}/invitations`, { token: owner.token, body: { email: 'one.more@example.com', role: 'viewer' } });
      expect(refused.status).toBe(402);
      expect(refused.body.error).toMatchObject({ code: 'plan_limit_reached', message: expect.stringContaining('Billing is off on this Minopa service'), upgradeUrl: `${plain.config.publicUrl}/billing/plans` });
      expect(refused.body.error.message).not.toContain('Pro');
    } finally {
      await plain.close();
    }
  });
});

describe('account deletion and renewals (P17)', () => {
  const requestDeletion = (person: TestUser) => app.request('POST', '/api/v1/me/deletion', { token: person.token, body: { password: person.password } });
  const stripeSubscription = (id: string) => stripe.world.subscriptions.get(id)! as unknown as { cancel_at_period_end: boolean };

  it('P17: asking to delete the account stops the renewal of a workspace deleted with it; cancelling the deletion renews it again', async () => {
    const owner = await makeUser(app);
    const subscriptionId = await subscribe(owner);
    const asked = await requestDeletion(owner);
    expect(asked.status).toBe(202);
    expect(stripeSubscription(subscriptionId).cancel_at_period_end).toBe(true);
    expect(await subscriptionRow(owner.workspaceId)).toMatchObject({ cancelAtPeriodEnd: true, renewalStoppedForDeletion: true });
    // Due when the paid period ends, at the earliest after 30 days.
    expect(new Date(asked.body.dueAt).getTime()).toBeGreaterThanOrEqual(Date.now() + 29.9 * 86_400_000);

    expect((await app.request('DELETE', '/api/v1/me/deletion', { token: owner.token })).status).toBe(200);
    expect(stripeSubscription(subscriptionId).cancel_at_period_end).toBe(false);
    expect(await subscriptionRow(owner.workspaceId)).toMatchObject({ cancelAtPeriodEnd: false, renewalStoppedForDeletion: false });
  });

  it('a subscription its owner had cancelled stays cancelled; a workspace that passes to an admin keeps renewing', async () => {
    const owner = await makeUser(app);
    const cancelled = await subscribe(owner);
    await stripe.deliverAll(stripe.world.cancelAtPeriodEnd(cancelled));
    const team = await makeUser(app);
    const teamSubscription = await subscribe(team);
    const admin = await makeUser(app);
    await addMember(app, team.workspaceId, admin, 'admin');

    expect((await requestDeletion(owner)).status).toBe(202);
    expect((await requestDeletion(team)).status).toBe(202);
    expect(stripeSubscription(teamSubscription).cancel_at_period_end).toBe(false);
    await app.request('DELETE', '/api/v1/me/deletion', { token: owner.token });
    expect(stripeSubscription(cancelled).cancel_at_period_end).toBe(true);
    expect(await subscriptionRow(owner.workspaceId)).toMatchObject({ cancelAtPeriodEnd: true, renewalStoppedForDeletion: false });
  });
});
