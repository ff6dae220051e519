import type { Knex } from 'knex';
import { PLANS } from '#shared/billing/plans.js';
import type { BillingState } from '#shared/api/billing.js';
import type { Config } from '../config.js';
import { effectivePlan, findSubscription } from './plan-state.js';
import { usageOf } from './usage.js';

/** What the workspace's billing looks like: whether billing is on, the plan that applies, its limits and the usage. */
export async function billingState(knex: Knex, config: Config, workspaceId: string): Promise<BillingState> {
  const row = await findSubscription(knex, workspaceId);
  const plan = effectivePlan(row);
  const subscribed = row?.stripeSubscriptionId ? row : undefined;
  return {
    enabled: config.billing !== undefined,
    plan,
    limits: { ...PLANS[plan].limits },
    usage: await usageOf(knex, workspaceId),
    subscription: subscribed
      ? {
          plan: subscribed.plan,
          status: subscribed.status ?? 'incomplete',
          currentPeriodEnd: subscribed.currentPeriodEnd?.toISOString() ?? null,
          cancelAtPeriodEnd: subscribed.cancelAtPeriodEnd,
          graceEndsAt: subscribed.graceEndsAt?.toISOString() ?? null,
          limitedToFree: subscribed.limitedSince !== null,
        }
      : null,
  };
}
