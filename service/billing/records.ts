import type { Knex } from 'knex';
import type Stripe from 'stripe';
import type { BillingConfig } from './config.js';
import { idOf, planOfPrice } from './subscriptions.js';

const STATUSES = new Set(['draft', 'open', 'paid', 'uncollectible', 'void']);

/** The subscription an invoice bills, if any (Stripe moved it under `parent` in 2025). */
export function subscriptionOfInvoice(invoice: Stripe.Invoice): string | null {
  return idOf(invoice.parent?.subscription_details?.subscription);
}

/**
 * Writes an invoice, as just read from Stripe, into billing_records (P19: kept 7 years, whatever
 * happens to the account): amounts, currency, period and status; the workspace by its Stripe
 * customer, with its name copied so the record still says whose it was after the workspace is gone.
 */
export async function recordInvoice(trx: Knex.Transaction, billing: BillingConfig, invoice: Stripe.Invoice): Promise<void> {
  const customerId = idOf(invoice.customer);
  if (!customerId || !invoice.id || !STATUSES.has(invoice.status ?? '')) return;
  const owner = (await trx('workspaceSubscriptions')
    .join('workspaces', 'workspaces.id', 'workspaceSubscriptions.workspaceId')
    .where('workspaceSubscriptions.stripeCustomerId', customerId)
    .first('workspaces.id', 'workspaces.name')) as { id: string; name: string } | undefined;
  const line = invoice.lines.data[0];
  const fields = {
    stripeCustomerId: customerId,
    stripeSubscriptionId: subscriptionOfInvoice(invoice),
    plan: planOfPrice(billing, idOf(line?.pricing?.price_details?.price) ?? undefined),
    amountDue: invoice.amount_due,
    amountPaid: invoice.amount_paid,
    currency: invoice.currency,
    periodStart: new Date(invoice.period_start * 1000),
    periodEnd: new Date(invoice.period_end * 1000),
    status: invoice.status,
  };
  await trx('billingRecords')
    .insert({ stripeInvoiceId: invoice.id, workspaceId: owner?.id ?? null, workspaceName: owner?.name ?? `(customer ${customerId})`, createdAt: new Date(invoice.created * 1000), ...fields })
    .onConflict('stripeInvoiceId')
    .merge({ ...fields, updatedAt: trx.fn.now() });
}
