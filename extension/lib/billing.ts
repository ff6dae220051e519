import type { BillingState } from '#shared/api/billing.js';
import type { PaidPlanId } from '#shared/billing/plans.js';
import { browser } from 'wxt/browser';
import { call } from './api-client.js';

/**
 * A workspace's plan as the options page shows it. Subscribing and managing happen on Stripe's hosted
 * pages, opened in a tab; the plan changes once Stripe tells the service, so the panel reloads when the
 * person comes back.
 */

export async function getBilling(data: { workspaceId: string }): Promise<BillingState> {
  return call('getBilling', { params: data });
}

/** Opens a Stripe Checkout page for `plan` in a new tab (owners). */
export async function startBillingCheckout(data: { workspaceId: string; plan: PaidPlanId }): Promise<{ url: string }> {
  const { url } = await call('startCheckout', { params: { workspaceId: data.workspaceId }, body: { plan: data.plan } });
  await browser.tabs.create({ url });
  return { url };
}

/** Opens the workspace's Stripe Billing Portal in a new tab (owners). */
export async function openBillingPortal(data: { workspaceId: string }): Promise<{ url: string }> {
  const { url } = await call('openBillingPortal', { params: data });
  await browser.tabs.create({ url });
  return { url };
}
