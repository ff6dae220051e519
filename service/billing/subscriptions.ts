import type { Knex } from 'knex';
import type Stripe from 'stripe';
import { PAID_PLAN_IDS, type PlanId } from '#shared/billing/plans.js';
import type { Logger } from '../logger.js';
import type { BillingConfig } from './config.js';
import { findSubscription, type SubscriptionRow } from './plan-state.js';
import { callStripe, stripeClient } from './stripe-client.js';

/**
 * The workspace's Stripe customer, created on its first checkout or portal visit. It holds no personal
 * data of ours: its name is the workspace's, and Stripe's hosted pages ask for email and card (P5).
 * The idempotency key makes two concurrent first visits create one customer; the row is written after
 * the call, with no transaction open during it.
 */
export async function ensureCustomer(knex: Knex, billing: BillingConfig, log: Logger, workspaceId: string): Promise<SubscriptionRow> {
  const existing = await findSubscription(knex, workspaceId);
  if (existing) return existing;
  const workspace = (await knex('workspaces').where('id', workspaceId).first('name')) as { name: string };
  const customer = await callStripe(log, 'create customer', () =>
    stripeClient(billing).customers.create({ name: workspace.name, metadata: { workspaceId } }, { idempotencyKey: `minopa-customer-${workspaceId}` }),
  );
  await knex('workspaceSubscriptions').insert({ workspaceId, stripeCustomerId: customer.id }).onConflict('workspaceId').ignore();
  return (await findSubscription(knex, workspaceId))!;
}

/** The plan a Stripe price id stands for (null: a price this configuration does not know). */
export function planOfPrice(billing: BillingConfig, priceId: string | undefined): PlanId | null {
  return PAID_PLAN_IDS.find((plan) => billing.prices[plan] === priceId) ?? null;
}

/** A subscription id from an expandable field (an id or the object). */
export function idOf(field: string | { id: string } | null | undefined): string | null {
  if (!field) return null;
  return typeof field === 'string' ? field : field.id;
}

const FAILED_PAYMENT = new Set(['past_due', 'unpaid']);
const ENDED = new Set(['canceled', 'incomplete_expired']);

/**
 * Writes a subscription as just read from Stripe (`syncedAt`: when it was read) into its workspace's
 * row. A read older than the one stored is ignored (webhooks arrive in any order; the newest read wins),
 * and so is the end of a subscription other than the workspace's current one. A failed payment starts
 * the grace period once; a working subscription clears it and lifts the fallback to Free.
 * Returns the row after the change, or undefined when the customer belongs to no workspace.
 */
export async function applySubscription(
  trx: Knex.Transaction,
  billing: BillingConfig,
  log: Logger,
  subscription: Stripe.Subscription,
  syncedAt: Date,
): Promise<SubscriptionRow | undefined> {
  const customerId = idOf(subscription.customer);
  const row = (await trx('workspaceSubscriptions').where({ stripeCustomerId: customerId }).forUpdate().first()) as SubscriptionRow | undefined;
  if (!row) {
    log.warn('stripe subscription of an unknown customer ignored', { subscription: subscription.id, customer: customerId });
    return undefined;
  }
  if (row.syncedAt && row.syncedAt > syncedAt) return row;
  if (row.stripeSubscriptionId && row.stripeSubscriptionId !== subscription.id && ENDED.has(subscription.status)) return row;
  const item = subscription.items.data[0];
  const plan = planOfPrice(billing, item?.price.id);
  if (!plan) log.warn('stripe subscription with a price of no plan', { subscription: subscription.id, price: item?.price.id });
  const failing = FAILED_PAYMENT.has(subscription.status);
  const graceStart = row.paymentFailedAt ?? syncedAt;
  const changes = {
    stripeSubscriptionId: subscription.id,
    plan: plan ?? 'free',
    status: subscription.status,
    currentPeriodEnd: item ? new Date(item.current_period_end * 1000) : null,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    paymentFailedAt: failing ? graceStart : null,
    graceEndsAt: failing ? new Date(graceStart.getTime() + billing.graceDays * 86_400_000) : null,
    limitedSince: failing ? row.limitedSince : null,
    syncedAt,
    updatedAt: trx.fn.now(),
  };
  const [updated] = (await trx('workspaceSubscriptions').where({ workspaceId: row.workspaceId }).update(changes).returning('*')) as SubscriptionRow[];
  return updated;
}
