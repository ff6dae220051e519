import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeSandbox, type StripeSandbox } from './server.js';
import { parseStripeForm } from './form.js';

let sandbox: StripeSandbox;
let stripe: Stripe;

beforeAll(async () => {
  sandbox = await startStripeSandbox({ prices: [{ id: 'price_pro_test', unitAmount: 1200, currency: 'eur' }] });
  stripe = new Stripe(sandbox.secretKey, { ...sandbox.api, maxNetworkRetries: 0 });
}, 60_000);
afterAll(() => sandbox?.close());

const post = (path: string, form: string) =>
  fetch(`http://${sandbox.api.host}:${sandbox.api.port}${path}`, { method: 'POST', headers: { authorization: `Bearer ${sandbox.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' }, body: form });

describe('the Stripe sandbox', () => {
  it('parses Stripe’s bracket notation into objects and arrays', () => {
    expect(parseStripeForm('mode=subscription&line_items[0][price]=p&line_items[0][quantity]=1&metadata[a]=b&expand[]=x&expand[]=y')).toEqual({
      mode: 'subscription',
      line_items: [{ price: 'p', quantity: '1' }],
      metadata: { a: 'b' },
      expand: ['x', 'y'],
    });
  });

  it('serves the real SDK: a customer, a hosted checkout, its subscription after paying, a portal session', async () => {
    const customer = await stripe.customers.create({ name: 'Engines', metadata: { workspaceId: 'w1' } });
    expect(customer.id).toMatch(/^cus_/);
    const session = await stripe.checkout.sessions.create({ mode: 'subscription', customer: customer.id, line_items: [{ price: 'price_pro_test', quantity: 1 }], success_url: 'http://localhost/done' });
    expect(session.url).toContain(session.id);
    const [completed, created, paid] = sandbox.world.completeCheckout(session.id);
    expect([completed!.type, created!.type, paid!.type]).toEqual(['checkout.session.completed', 'customer.subscription.created', 'invoice.paid']);
    const subscription = await stripe.subscriptions.retrieve(created!.data.object.id);
    expect(subscription).toMatchObject({ status: 'active', customer: customer.id, items: { data: [{ price: { id: 'price_pro_test' } }] } });
    const invoice = await stripe.invoices.retrieve(paid!.data.object.id);
    expect(invoice).toMatchObject({ status: 'paid', amount_paid: 1200, currency: 'eur' });
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: 'http://localhost/back' });
    expect(portal.url).toContain(portal.id);
  });

  it('rejects, in Stripe’s error shape, what Stripe’s OpenAPI document rejects', async () => {
    const unknownParam = await post('/v1/customers', 'name=x&favourite_colour=blue');
    expect(unknownParam.status).toBe(400);
    expect(await unknownParam.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'parameter_unknown', param: 'favourite_colour' } });
    const badType = await post('/v1/checkout/sessions', 'mode=subscription&line_items[0][price]=price_pro_test&line_items[0][quantity]=many&success_url=http://x');
    expect(badType.status).toBe(400);
    expect(await badType.json()).toMatchObject({ error: { code: 'parameter_invalid' } });
    const badEnum = await post('/v1/checkout/sessions', 'mode=forever&success_url=http://x');
    expect(badEnum.status).toBe(400);
    await expect(stripe.checkout.sessions.create({ mode: 'subscription', line_items: [{ price: 'price_nope', quantity: 1 }], success_url: 'http://x' })).rejects.toMatchObject({ type: 'StripeInvalidRequestError', code: 'resource_missing' });
    await expect(stripe.subscriptions.retrieve('sub_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    await expect(new Stripe('sk_test_wrong', { ...sandbox.api, maxNetworkRetries: 0 }).customers.create({})).rejects.toMatchObject({ type: 'StripeAuthenticationError' });
  });

  it('replays the first answer for a repeated idempotency key', async () => {
    const first = await stripe.customers.create({ name: 'Once' }, { idempotencyKey: 'same-key' });
    const again = await stripe.customers.create({ name: 'Once' }, { idempotencyKey: 'same-key' });
    expect(again.id).toBe(first.id);
  });

  it('signs deliveries so that the SDK’s constructEvent accepts them, and only them', async () => {
    const received: { body: string; signature: string }[] = [];
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ body, signature: String(req.headers['stripe-signature']) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sandbox.webhookUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
    const event = sandbox.world.otherEvent('customer.created', { id: 'cus_x', object: 'customer' });
    await sandbox.deliver(event);
    await sandbox.deliver(event, { secret: 'whsec_forged' });
    server.close();
    expect(stripe.webhooks.constructEvent(received[0]!.body, received[0]!.signature, sandbox.webhookSecret).id).toBe(event.id);
    expect(() => stripe.webhooks.constructEvent(received[1]!.body, received[1]!.signature, sandbox.webhookSecret)).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });
});
