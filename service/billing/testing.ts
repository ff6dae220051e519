import type { PaidPlanId } from '#shared/billing/plans.js';
import { startStripeSandbox, type StripeSandbox } from '../sandbox/stripe/server.js';
import type { BillingConfig } from './config.js';

/** The Stripe prices of the paid plans in tests. */
export const TEST_PRICES: Record<PaidPlanId, string> = { pro: 'price_pro_test', team: 'price_team_test' };

/** A Stripe sandbox whose catalogue has the test prices (Pro 12 €, Team 49 € a month). */
export function startBillingSandbox(): Promise<StripeSandbox> {
  return startStripeSandbox({
    prices: [
      { id: TEST_PRICES.pro, unitAmount: 1200, currency: 'eur' },
      { id: TEST_PRICES.team, unitAmount: 4900, currency: 'eur' },
    ],
  });
}

/** Billing configured against `sandbox`, as STRIPE_* variables would configure it. */
export function billingTestConfig(sandbox: StripeSandbox, overrides: Partial<BillingConfig> = {}): BillingConfig {
  return { secretKey: sandbox.secretKey, webhookSecret: sandbox.webhookSecret, prices: TEST_PRICES, api: sandbox.api, graceDays: 7, webhookToleranceSeconds: 300, ...overrides };
}
