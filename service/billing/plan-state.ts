import type { Knex } from 'knex';
import { isPlanId, type PlanId } from '#shared/billing/plans.js';

/** A workspace's row of workspace_subscriptions, as the billing code reads it. */
export interface SubscriptionRow {
  workspaceId: string;
  stripeCustomerId: string;
  stripeSubscriptionId: string | null;
  plan: PlanId;
  status: string | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  paymentFailedAt: Date | null;
  graceEndsAt: Date | null;
  limitedSince: Date | null;
  syncedAt: Date | null;
}

/** Stripe statuses in which the plan paid for applies (past_due/unpaid: only until the grace period ends). */
const PAID_STATUSES = new Set(['active', 'trialing', 'past_due', 'unpaid']);

/** A subscription that still runs: a second checkout would charge twice. */
export function isRunning(row: SubscriptionRow | undefined): boolean {
  return Boolean(row?.stripeSubscriptionId && row.status && PAID_STATUSES.has(row.status));
}

/**
 * The plan whose limits apply: the plan paid for while the subscription runs and, after a failed
 * payment, until the grace period ended (the job sets `limited_since`); Free otherwise, and for every
 * workspace without a subscription (billing off included).
 */
export function effectivePlan(row: SubscriptionRow | undefined): PlanId {
  if (!row || row.limitedSince || !isRunning(row) || !isPlanId(row.plan)) return 'free';
  return row.plan;
}

/** The workspace's subscription row, if it ever started a checkout. */
export async function findSubscription(knex: Knex | Knex.Transaction, workspaceId: string): Promise<SubscriptionRow | undefined> {
  return (await knex('workspaceSubscriptions').where({ workspaceId }).first()) as SubscriptionRow | undefined;
}

/** The plan whose limits apply to the workspace now. */
export async function planOf(knex: Knex | Knex.Transaction, workspaceId: string): Promise<PlanId> {
  return effectivePlan(await findSubscription(knex, workspaceId));
}
