import { randomBytes } from 'node:crypto';

/** A Stripe object as the sandbox keeps it: plain JSON, shaped as Stripe's API answers it. */
export type StripeObject = Record<string, unknown> & { id: string; object: string };

/** A recurring price the sandbox knows (what a Stripe account's catalogue would hold). */
export interface SandboxPrice {
  id: string;
  unitAmount: number;
  currency: string;
}

/** A webhook event, ready to deliver. */
export interface SandboxEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  type: string;
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  data: { object: StripeObject };
}

const DAY = 86_400;

/** `prefix_` and random letters and digits, like Stripe's ids. */
export const stripeId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const copy = <T>(value: T): T => structuredClone(value);

/**
 * The sandbox's Stripe account: customers, checkout and portal sessions, subscriptions, invoices — and
 * the billing engine's moves that happen at Stripe, not through our API calls (a person paying on the
 * checkout page, changing plan or cancelling in the portal, a renewal failing). Each move returns the
 * events Stripe would send, with a snapshot of the object at that moment, so tests can deliver them in
 * any order, twice, or not at all.
 */
export class StripeWorld {
  readonly customers = new Map<string, StripeObject>();
  readonly checkoutSessions = new Map<string, StripeObject>();
  readonly portalSessions = new Map<string, StripeObject>();
  readonly subscriptions = new Map<string, StripeObject>();
  readonly invoices = new Map<string, StripeObject>();
  /** The clock of the billing engine (unix seconds); tests move it. */
  now = () => Math.floor(Date.now() / 1000);

  constructor(
    readonly prices: SandboxPrice[],
    private readonly baseUrl: () => string,
    private readonly apiVersion: string,
  ) {}

  price(id: string): SandboxPrice | undefined {
    return this.prices.find((price) => price.id === id);
  }

  createCustomer(params: Record<string, unknown>): StripeObject {
    const customer: StripeObject = { id: stripeId('cus'), object: 'customer', created: this.now(), email: params.email ?? null, name: params.name ?? null, metadata: params.metadata ?? {}, livemode: false };
    this.customers.set(customer.id, customer);
    return customer;
  }

  createCheckoutSession(params: Record<string, unknown>): StripeObject {
    const id = stripeId('cs_test');
    const session: StripeObject = {
      id,
      object: 'checkout.session',
      mode: params.mode,
      status: 'open',
      payment_status: 'unpaid',
      customer: params.customer ?? null,
      client_reference_id: params.client_reference_id ?? null,
      metadata: params.metadata ?? {},
      success_url: params.success_url ?? null,
      cancel_url: params.cancel_url ?? null,
      subscription: null,
      url: `${this.baseUrl()}/c/pay/${id}`,
      created: this.now(),
      livemode: false,
      // Kept for completing it; Stripe answers line items through their own endpoint.
      _line_items: params.line_items,
      _subscription_metadata: (params.subscription_data as { metadata?: unknown } | undefined)?.metadata ?? {},
    };
    this.checkoutSessions.set(id, session);
    return session;
  }

  createPortalSession(params: Record<string, unknown>): StripeObject {
    const id = stripeId('bps');
    const session: StripeObject = { id, object: 'billing_portal.session', customer: params.customer, return_url: params.return_url ?? null, url: `${this.baseUrl()}/p/session/${id}`, created: this.now(), livemode: false };
    this.portalSessions.set(id, session);
    return session;
  }

  /** The person paid on the checkout page: a subscription starts with its first invoice paid. */
  completeCheckout(sessionId: string): SandboxEvent[] {
    const session = this.must(this.checkoutSessions, sessionId);
    const [item] = session._line_items as { price: string; quantity?: number }[];
    const price = this.price(item!.price)!;
    const start = this.now();
    const subscription: StripeObject = {
      id: stripeId('sub'),
      object: 'subscription',
      customer: session.customer,
      status: 'active',
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      ended_at: null,
      created: start,
      metadata: session._subscription_metadata,
      latest_invoice: null,
      livemode: false,
      items: { object: 'list', has_more: false, data: [this.item(price, start)] },
    };
    this.subscriptions.set(subscription.id, subscription);
    const invoice = this.invoiceFor(subscription, 'paid');
    Object.assign(session, { status: 'complete', payment_status: 'paid', subscription: subscription.id });
    return [this.event('checkout.session.completed', session), this.event('customer.subscription.created', subscription), this.event('invoice.paid', invoice)];
  }

  /** A plan change in the portal (new price from now on). */
  changePrice(subscriptionId: string, priceId: string): SandboxEvent[] {
    const subscription = this.must(this.subscriptions, subscriptionId);
    const price = this.price(priceId);
    if (!price) throw new Error(`No such price: ${priceId}`);
    this.items(subscription)[0]!.price = this.priceObject(price);
    return [this.event('customer.subscription.updated', subscription)];
  }

  /** "Cancel plan" in the portal: it runs to the end of the period. */
  cancelAtPeriodEnd(subscriptionId: string): SandboxEvent[] {
    const subscription = this.must(this.subscriptions, subscriptionId);
    Object.assign(subscription, { cancel_at_period_end: true, cancel_at: this.items(subscription)[0]!.current_period_end, canceled_at: this.now() });
    return [this.event('customer.subscription.updated', subscription)];
  }

  /** An API update of `cancel_at_period_end` (POST /v1/subscriptions/{id}), as the portal's cancel and renew do. */
  setCancelAtPeriodEnd(subscriptionId: string, cancel: boolean): { subscription: StripeObject; events: SandboxEvent[] } {
    const subscription = this.must(this.subscriptions, subscriptionId);
    if (cancel) Object.assign(subscription, { cancel_at_period_end: true, cancel_at: this.items(subscription)[0]!.current_period_end, canceled_at: this.now() });
    else Object.assign(subscription, { cancel_at_period_end: false, cancel_at: null, canceled_at: null });
    return { subscription, events: [this.event('customer.subscription.updated', subscription)] };
  }

  /** The period ended (or it was cancelled at once): the subscription is over. */
  endSubscription(subscriptionId: string): SandboxEvent[] {
    const subscription = this.must(this.subscriptions, subscriptionId);
    Object.assign(subscription, { status: 'canceled', ended_at: this.now(), canceled_at: subscription.canceled_at ?? this.now() });
    return [this.event('customer.subscription.deleted', subscription)];
  }

  /** A renewal whose card is declined: a new open invoice, the subscription past due. */
  failRenewal(subscriptionId: string): SandboxEvent[] {
    const subscription = this.must(this.subscriptions, subscriptionId);
    const [item] = this.items(subscription);
    Object.assign(item!, { current_period_start: item!.current_period_end, current_period_end: (item!.current_period_end as number) + 30 * DAY });
    const invoice = this.invoiceFor(subscription, 'open');
    invoice.attempt_count = 1;
    subscription.status = 'past_due';
    return [this.event('invoice.payment_failed', invoice), this.event('customer.subscription.updated', subscription)];
  }

  /** Stripe's retry (or a new card) paid the open invoice: the subscription is active again. */
  payInvoice(invoiceId: string): SandboxEvent[] {
    const invoice = this.must(this.invoices, invoiceId);
    Object.assign(invoice, { status: 'paid', amount_paid: invoice.amount_due, attempt_count: (invoice.attempt_count as number) + 1 });
    const subscription = this.must(this.subscriptions, this.subscriptionOf(invoice));
    subscription.status = 'active';
    return [this.event('invoice.paid', invoice), this.event('customer.subscription.updated', subscription)];
  }

  /** An event Stripe sends that Minopa does not handle. */
  otherEvent(type: string, object: StripeObject): SandboxEvent {
    return this.event(type, object);
  }

  private items(subscription: StripeObject) {
    return (subscription.items as { data: Record<string, unknown>[] }).data;
  }

  private subscriptionOf(invoice: StripeObject): string {
    return (invoice.parent as { subscription_details: { subscription: string } }).subscription_details.subscription;
  }

  private priceObject(price: SandboxPrice) {
    return { id: price.id, object: 'price', active: true, currency: price.currency, unit_amount: price.unitAmount, type: 'recurring', recurring: { interval: 'month', interval_count: 1 }, product: `prod_${price.id.slice(6)}` };
  }

  private item(price: SandboxPrice, start: number) {
    return { id: stripeId('si'), object: 'subscription_item', price: this.priceObject(price), quantity: 1, current_period_start: start, current_period_end: start + 30 * DAY };
  }

  private invoiceFor(subscription: StripeObject, status: 'paid' | 'open'): StripeObject {
    const [item] = this.items(subscription);
    const price = item!.price as { id: string; currency: string; unit_amount: number; product: string };
    const invoice: StripeObject = {
      id: stripeId('in'),
      object: 'invoice',
      customer: subscription.customer,
      status,
      amount_due: price.unit_amount,
      amount_paid: status === 'paid' ? price.unit_amount : 0,
      currency: price.currency,
      period_start: item!.current_period_start,
      period_end: item!.current_period_end,
      created: this.now(),
      attempt_count: status === 'paid' ? 1 : 0,
      livemode: false,
      parent: { type: 'subscription_details', quote_details: null, subscription_details: { subscription: subscription.id, metadata: subscription.metadata } },
      lines: {
        object: 'list',
        has_more: false,
        data: [{ id: stripeId('il'), object: 'line_item', amount: price.unit_amount, currency: price.currency, pricing: { type: 'price_details', price_details: { price: price.id, product: price.product }, unit_amount_decimal: String(price.unit_amount) }, period: { start: item!.current_period_start, end: item!.current_period_end } }],
      },
    };
    this.invoices.set(invoice.id, invoice);
    subscription.latest_invoice = invoice.id;
    return invoice;
  }

  private event(type: string, object: StripeObject): SandboxEvent {
    return { id: stripeId('evt'), object: 'event', api_version: this.apiVersion, created: this.now(), type, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object: publicView(object) } };
  }

  private must(map: Map<string, StripeObject>, id: string): StripeObject {
    const found = map.get(id);
    if (!found) throw new Error(`The Stripe sandbox has no ${id}`);
    return found;
  }
}

/** An object as the API shows it: a snapshot, without the sandbox's own `_` fields. */
export function publicView(object: StripeObject): StripeObject {
  return Object.fromEntries(Object.entries(copy(object)).filter(([key]) => !key.startsWith('_'))) as StripeObject;
}
