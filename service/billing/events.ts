import type { Knex } from 'knex';
import type Stripe from 'stripe';
import type { Logger } from '../logger.js';
import type { BillingConfig } from './config.js';
import { emailPaymentFailed } from './owners.js';
import { recordInvoice, subscriptionOfInvoice } from './records.js';
import { stripeClient } from './stripe-client.js';
import { applySubscription, idOf } from './subscriptions.js';

/** What handling an event needs. */
export interface EventDeps {
  knex: Knex;
  billing: BillingConfig;
  log: Logger;
}

/** The current state of the objects an event is about, read from Stripe before the transaction opens. */
interface Current {
  subscription: Stripe.Subscription | null;
  invoice: Stripe.Invoice | null;
  /** When it was read: an older read never overwrites a newer one. */
  readAt: Date;
}

/**
 * One event type's work: `read` fetches the current objects from Stripe (never trusting the event's
 * copy, which may be older than one already applied), `apply` writes them in the event's transaction.
 */
interface EventHandler {
  read(event: Stripe.Event, deps: EventDeps): Promise<Current>;
  apply(trx: Knex.Transaction, current: Current, deps: EventDeps, event: Stripe.Event): Promise<void>;
}

async function readCurrent(deps: EventDeps, ids: { subscription: string | null; invoice?: string | null }): Promise<Current> {
  const stripe = stripeClient(deps.billing);
  const readAt = new Date();
  const [subscription, invoice] = await Promise.all([
    ids.subscription ? stripe.subscriptions.retrieve(ids.subscription) : null,
    ids.invoice ? stripe.invoices.retrieve(ids.invoice) : null,
  ]);
  return { subscription, invoice, readAt };
}

async function applyCurrent(trx: Knex.Transaction, current: Current, deps: EventDeps) {
  if (current.invoice) await recordInvoice(trx, deps.billing, current.invoice);
  return current.subscription ? applySubscription(trx, deps.billing, deps.log, current.subscription, current.readAt) : undefined;
}

const subscriptionEvent: EventHandler = {
  read: (event, deps) => readCurrent(deps, { subscription: (event.data.object as Stripe.Subscription).id }),
  apply: async (trx, current, deps) => void (await applyCurrent(trx, current, deps)),
};

const invoiceEvent: EventHandler = {
  read: (event, deps) => {
    const invoice = event.data.object as Stripe.Invoice;
    return readCurrent(deps, { subscription: subscriptionOfInvoice(invoice), invoice: invoice.id ?? null });
  },
  apply: async (trx, current, deps) => void (await applyCurrent(trx, current, deps)),
};

/** THE webhook handler map: Stripe event type → its handler. Other types are acknowledged and ignored. */
export const EVENT_HANDLERS: Readonly<Record<string, EventHandler>> = {
  'checkout.session.completed': {
    read: (event, deps) => readCurrent(deps, { subscription: idOf((event.data.object as Stripe.Checkout.Session).subscription) }),
    apply: async (trx, current, deps) => void (await applyCurrent(trx, current, deps)),
  },
  'customer.subscription.created': subscriptionEvent,
  'customer.subscription.updated': subscriptionEvent,
  'customer.subscription.deleted': subscriptionEvent,
  'invoice.paid': invoiceEvent,
  'invoice.payment_failed': {
    read: invoiceEvent.read,
    async apply(trx, current, deps, event) {
      const row = await applyCurrent(trx, current, deps);
      // Owners hear of it while the grace period runs; once per invoice and attempt, however often Stripe says so.
      if (row?.graceEndsAt && row.plan !== 'free') {
        const invoice = event.data.object as Stripe.Invoice;
        await emailPaymentFailed(trx, row.workspaceId, row.plan, row.graceEndsAt, `${invoice.id}:${invoice.attempt_count}`);
      }
    },
  },
};

export type EventOutcome = 'processed' | 'duplicate' | 'ignored';

/**
 * Processes a verified event exactly once: its id is inserted in the transaction that applies its
 * effect, so a redelivery (even a concurrent one) finds it and changes nothing. Reading from Stripe
 * happens before, with no transaction open; a failure there throws, Stripe retries the delivery later.
 */
export async function processStripeEvent(deps: EventDeps, event: Stripe.Event): Promise<EventOutcome> {
  const handler = EVENT_HANDLERS[event.type];
  if (!handler) return 'ignored';
  if (await deps.knex('stripeEvents').where('id', event.id).first('id')) return 'duplicate';
  const current = await handler.read(event, deps);
  return deps.knex.transaction(async (trx) => {
    const inserted = await trx('stripeEvents').insert({ id: event.id, type: event.type }).onConflict('id').ignore().returning('id');
    if (inserted.length === 0) return 'duplicate';
    await handler.apply(trx, current, deps, event);
    await trx('stripeEvents').where('id', event.id).update({ processedAt: trx.fn.now() });
    return 'processed';
  });
}
