import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { parseStripeForm } from './form.js';
import { hostedPage } from './pages.js';
import { loadStripeSpec } from './spec.js';
import { publicView, type SandboxEvent, type SandboxPrice, StripeWorld, type StripeObject } from './world.js';

export type { SandboxEvent, SandboxPrice } from './world.js';

/** Every request that reached the sandbox, with the status it got (tests assert what was called). */
export interface StripeSandboxRequest {
  method: string;
  path: string;
  /** The parsed form body. */
  body: Record<string, unknown>;
  idempotencyKey: string | null;
  status: number;
}

/** How to deliver an event: a forged secret or an old timestamp make the deliveries tests need. */
export interface DeliveryOptions {
  /** Signs with this secret instead of the sandbox's (a forged delivery). */
  secret?: string;
  /** Unix seconds of the signature; default now (an old one is a replay). */
  timestamp?: number;
  /** The raw body to send instead of the event (tampering after signing). */
  tamperedPayload?: string;
}

/** A running Stripe sandbox. */
export interface StripeSandbox {
  /** The SDK options that point `new Stripe(key, …)` at it. */
  api: { host: string; port: number; protocol: 'http' };
  secretKey: string;
  webhookSecret: string;
  world: StripeWorld;
  requests: StripeSandboxRequest[];
  /** Where `deliver` posts events (the app's webhook endpoint); set once the app listens. */
  webhookUrl: string;
  /** Signs `event` as Stripe does (the SDK's own test header helper) and posts it to `webhookUrl`. */
  deliver(event: SandboxEvent, options?: DeliveryOptions): Promise<{ status: number; body: unknown }>;
  /** Delivers events one after the other, each answered before the next is sent. */
  deliverAll(events: SandboxEvent[]): Promise<{ status: number; body: unknown }[]>;
  close(): Promise<void>;
}

/** Options of the sandbox. */
export interface StripeSandboxOptions {
  prices: SandboxPrice[];
  secretKey?: string;
  webhookSecret?: string;
  /** Default: a free port. */
  port?: number;
}

type Reply = { status: number; body: unknown; html?: string; location?: string };

const stripeError = (status: number, message: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { error: { type: status === 401 ? 'invalid_request_error' : status >= 500 ? 'api_error' : 'invalid_request_error', message, ...extra } },
});

/**
 * A local server speaking Stripe's HTTP API for what Minopa calls — customers, Checkout Sessions,
 * Billing Portal Sessions, retrieving and updating (cancel at period end) subscriptions and invoices — with every request checked against
 * Stripe's OpenAPI document (openapi-backend): what the document rejects is answered with Stripe's 400
 * `parameter_unknown`/`parameter_invalid`, as Stripe would. Idempotency keys replay the first answer.
 * The billing engine's own moves (paying, renewing, cancelling) are `world` methods returning the
 * events, which `deliver` signs with the SDK's `generateTestHeaderString` and posts to the app.
 */
export async function startStripeSandbox(options: StripeSandboxOptions): Promise<StripeSandbox> {
  const api = await loadStripeSpec();
  const secretKey = options.secretKey ?? 'sk_test_sandbox';
  const webhookSecret = options.webhookSecret ?? 'whsec_sandbox';
  const signer = new Stripe(secretKey);
  let baseUrl = '';
  const world = new StripeWorld(options.prices, () => baseUrl, Stripe.API_VERSION);
  const requests: StripeSandboxRequest[] = [];
  const replies = new Map<string, Reply>();

  const route = (operationId: string, params: Record<string, string>, body: Record<string, unknown>): Reply => {
    const found = (map: Map<string, StripeObject>, id: string | undefined, what: string): Reply => {
      const object = id ? map.get(id) : undefined;
      return object ? { status: 200, body: publicView(object) } : stripeError(404, `No such ${what}: '${id}'`, { code: 'resource_missing', param: 'id' });
    };
    switch (operationId) {
      case 'PostCustomers':
        return { status: 200, body: world.createCustomer(body) };
      case 'GetCustomersCustomer':
        return found(world.customers, params.customer, 'customer');
      case 'PostCheckoutSessions': {
        if (body.mode !== 'subscription') return stripeError(400, 'The sandbox only takes subscription checkouts.', { param: 'mode' });
        if (typeof body.customer === 'string' && !world.customers.has(body.customer)) return stripeError(400, `No such customer: '${body.customer}'`, { code: 'resource_missing', param: 'customer' });
        const items = (body.line_items ?? []) as { price?: string }[];
        const unknown = items.find((item) => !item.price || !world.price(item.price));
        if (items.length === 0 || unknown) return stripeError(400, `No such price: '${unknown?.price ?? ''}'`, { code: 'resource_missing', param: 'line_items[0][price]' });
        if (!body.success_url) return stripeError(400, 'Missing required param: success_url.', { code: 'parameter_missing', param: 'success_url' });
        return { status: 200, body: publicView(world.createCheckoutSession(body)) };
      }
      case 'GetCheckoutSessionsSession':
        return found(world.checkoutSessions, params.session, 'checkout.session');
      case 'PostBillingPortalSessions':
        if (!world.customers.has(String(body.customer))) return stripeError(400, `No such customer: '${String(body.customer)}'`, { code: 'resource_missing', param: 'customer' });
        return { status: 200, body: world.createPortalSession(body) };
      case 'GetSubscriptionsSubscriptionExposedId':
        return found(world.subscriptions, params.subscription_exposed_id, 'subscription');
      case 'PostSubscriptionsSubscriptionExposedId': {
        const id = params.subscription_exposed_id;
        if (!id || !world.subscriptions.has(id)) return stripeError(404, `No such subscription: '${id}'`, { code: 'resource_missing', param: 'id' });
        const keys = Object.keys(body).filter((key) => key !== 'expand');
        if (keys.some((key) => key !== 'cancel_at_period_end')) return stripeError(400, `The sandbox only updates cancel_at_period_end (got ${keys.join(', ')}).`);
        const updated = world.setCancelAtPeriodEnd(id, body.cancel_at_period_end === true || body.cancel_at_period_end === 'true');
        // Stripe tells the webhook too; delivered after this answer, as Stripe does.
        if (sandbox.webhookUrl) setTimeout(() => void sandbox.deliverAll(updated.events).catch(() => undefined), 0);
        return { status: 200, body: publicView(updated.subscription) };
      }
      case 'GetInvoicesInvoice':
        return found(world.invoices, params.invoice, 'invoice');
      default:
        return stripeError(404, `The Stripe sandbox does not implement ${operationId}.`);
    }
  };

  const handle = async (req: IncomingMessage, raw: string): Promise<Reply> => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    // Stripe's hosted Checkout and portal pages (the person's browser, no API key).
    if (!url.pathname.startsWith('/v1/')) {
      const hosted = await hostedPage(world, req.method ?? 'GET', url.pathname, new URLSearchParams(raw), (events) => (sandbox.webhookUrl ? sandbox.deliverAll(events) : Promise.resolve()));
      if (hosted) return { body: null, ...hosted };
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${secretKey}`) return stripeError(401, `Invalid API Key provided: ${auth.slice(7, 15)}…`);
    const body = parseStripeForm(raw);
    const request = { method: req.method ?? 'GET', path: url.pathname, headers: req.headers as Record<string, string>, query: parseStripeForm(url.search.slice(1)) as Record<string, string>, body };
    const operation = api.matchOperation(request);
    if (!operation?.operationId) return stripeError(404, `Unrecognized request URL (${request.method}: ${url.pathname}).`);
    const validation = api.validateRequest(request, operation);
    if (!validation.valid) {
      const first = validation.errors?.[0];
      const param = first?.params && 'additionalProperty' in first.params ? String(first.params.additionalProperty) : (first?.instancePath ?? '').replace(/^\/(requestBody|query)\/?/, '').replaceAll('/', '.');
      const unknown = first?.keyword === 'additionalProperties';
      return stripeError(400, unknown ? `Received unknown parameter: ${param}` : `Invalid ${param || 'request'}: ${first?.message ?? 'does not match the API'}`, { code: unknown ? 'parameter_unknown' : 'parameter_invalid', param });
    }
    const { params } = api.router.parseRequest(request, operation);
    return route(operation.operationId, params, (validation.coerced?.body ?? body) as Record<string, unknown>);
  };

  const server: Server = createServer((req, res) => {
    readBody(req)
      .then(async (raw) => {
        const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
        const replay = key && req.method === 'POST' ? replies.get(`${req.url} ${key}`) : undefined;
        const reply = replay ?? (await handle(req, raw).catch((error: unknown) => stripeError(500, `Sandbox error: ${(error as Error).message}`)));
        if (key && req.method === 'POST' && reply.status < 500) replies.set(`${req.url} ${key}`, reply);
        requests.push({ method: req.method ?? '', path: new URL(req.url ?? '/', 'http://sandbox').pathname, body: parseStripeForm(raw), idempotencyKey: key, status: reply.status });
        if (reply.location) res.writeHead(reply.status, { location: reply.location }).end();
        else if (reply.html !== undefined) res.writeHead(reply.status, { 'content-type': 'text/html; charset=utf-8' }).end(reply.html);
        else res.writeHead(reply.status, { 'content-type': 'application/json', 'request-id': `req_${Math.random().toString(36).slice(2)}` }).end(JSON.stringify(reply.body));
      })
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  const sandbox: StripeSandbox = {
    api: { host: '127.0.0.1', port, protocol: 'http' },
    secretKey,
    webhookSecret,
    world,
    requests,
    webhookUrl: '',
    async deliver(event, delivery = {}) {
      if (!sandbox.webhookUrl) throw new Error('Set the Stripe sandbox’s webhookUrl before delivering events');
      const payload = JSON.stringify(event, null, 2);
      const header = signer.webhooks.generateTestHeaderString({ payload, secret: delivery.secret ?? webhookSecret, ...(delivery.timestamp !== undefined ? { timestamp: delivery.timestamp } : {}) });
      const response = await fetch(sandbox.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header, 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' }, body: delivery.tamperedPayload ?? payload });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    async deliverAll(events) {
      const results = [];
      for (const event of events) results.push(await sandbox.deliver(event));
      return results;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return sandbox;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
