import type { Endpoint } from '../endpoint.js';
import { BillingRedirect, BillingState, CheckoutInput } from '../billing.js';
import { WorkspaceParams } from '../common.js';

/**
 * A workspace's plan and its Stripe subscription. Paying happens on Stripe's hosted pages (P5); the plan
 * changes when Stripe's webhook (POST /api/v1/billing/webhooks/stripe, outside this table: it is signed
 * by Stripe, not called with a session) reports it.
 */
export const billingEndpoints = {
  getBilling: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/billing', tag: 'billing', auth: 'member', role: 'viewer',
    summary: "The workspace's plan, its limits and what is used of each, the subscription, and whether billing is on.",
    params: WorkspaceParams, response: BillingState,
  },
  startCheckout: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/billing/checkout', tag: 'billing', auth: 'member', role: 'owner',
    summary: 'Subscribes to a paid plan: answers the address of a Stripe Checkout page (open it in a tab). 409 already_subscribed when a subscription runs (change plans in the portal); 409 billing_disabled without Stripe.',
    params: WorkspaceParams, body: CheckoutInput, response: BillingRedirect, status: 201,
  },
  openBillingPortal: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/billing/portal', tag: 'billing', auth: 'member', role: 'owner',
    summary: "Answers the address of the workspace's Stripe Billing Portal: change plan, update the card, cancel, see invoices.",
    params: WorkspaceParams, response: BillingRedirect, status: 201,
  },
} as const satisfies Record<string, Endpoint>;
