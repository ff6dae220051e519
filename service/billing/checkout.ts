import type { Knex } from 'knex';
import type { PaidPlanId } from '#shared/billing/plans.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { BillingConfig } from './config.js';
import { isRunning } from './plan-state.js';
import { callStripe, stripeClient } from './stripe-client.js';
import { ensureCustomer } from './subscriptions.js';

/** Billing as configured, or 409 billing_disabled. */
export function requireBilling(config: Config): BillingConfig {
  if (!config.billing) throw new HttpError('billing_disabled');
  return config.billing;
}

/** The page Stripe's hosted pages send the person back to. */
const returnUrl = (config: Config, result: 'subscribed' | 'cancelled' | 'managed') => `${config.publicUrl}/billing/done?result=${result}`;

/** How long asking for the same plan's Checkout again returns the same session. */
const CHECKOUT_WINDOW_MS = 30 * 60_000;

/**
 * A Stripe Checkout Session (hosted: the card goes to Stripe, never to us — P5) subscribing the
 * workspace to `plan`. A workspace whose subscription runs changes plan in the portal instead. The plan
 * changes when Stripe's webhook says so, not when this returns.
 */
export async function startCheckout(knex: Knex, config: Config, log: Logger, input: { workspaceId: string; plan: PaidPlanId }): Promise<{ url: string }> {
  const billing = requireBilling(config);
  const row = await ensureCustomer(knex, billing, log, input.workspaceId);
  if (isRunning(row)) throw new HttpError('already_subscribed');
  // Two owners (or two clicks) asking for the same plan within the same half hour get the same Checkout
  // Session, so they cannot pay for two subscriptions (Stripe replays the first answer for the same key).
  const idempotencyKey = `checkout:${input.workspaceId}:${input.plan}:${Math.floor(Date.now() / CHECKOUT_WINDOW_MS)}`;
  const session = await callStripe(log, 'create checkout session', () =>
    stripeClient(billing).checkout.sessions.create({
      mode: 'subscription',
      customer: row.stripeCustomerId,
      client_reference_id: input.workspaceId,
      line_items: [{ price: billing.prices[input.plan], quantity: 1 }],
      metadata: { workspaceId: input.workspaceId, plan: input.plan },
      subscription_data: { metadata: { workspaceId: input.workspaceId, plan: input.plan } },
      success_url: returnUrl(config, 'subscribed'),
      cancel_url: returnUrl(config, 'cancelled'),
    }, { idempotencyKey }),
  );
  if (!session.url) throw new Error('Stripe answered a hosted checkout session without a url');
  return { url: session.url };
}

/** A Stripe Billing Portal Session: change plan, update the card, cancel, see invoices. */
export async function openBillingPortal(knex: Knex, config: Config, log: Logger, workspaceId: string): Promise<{ url: string }> {
  const billing = requireBilling(config);
  const row = await ensureCustomer(knex, billing, log, workspaceId);
  const session = await callStripe(log, 'create billing portal session', () =>
    stripeClient(billing).billingPortal.sessions.create({ customer: row.stripeCustomerId, return_url: returnUrl(config, 'managed') }),
  );
  return { url: session.url };
}
