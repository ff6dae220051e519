import { billingState } from '../billing/state.js';
import { openBillingPortal, startCheckout } from '../billing/checkout.js';
import type { Handlers } from './types.js';

/** A workspace's plan: its state, subscribing (Stripe Checkout) and managing it (Stripe's portal). */
export const billingHandlers = {
  getBilling: async ({ knex, config, auth }) => billingState(knex, config, auth.workspaceId),
  startCheckout: async ({ knex, config, log, auth, input }) => startCheckout(knex, config, log, { workspaceId: auth.workspaceId, plan: input.body.plan }),
  openBillingPortal: async ({ knex, config, log, auth }) => openBillingPortal(knex, config, log, auth.workspaceId),
} satisfies Partial<Handlers>;
