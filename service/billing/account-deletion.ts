import type { Knex } from 'knex';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { planSuccession } from '../privacy/deletion/succession.js';
import { callStripe, stripeClient } from './stripe-client.js';

/** Stripe statuses of a subscription that would renew. */
const RENEWING = ['active', 'trialing', 'past_due'];

/**
 * A deletion was asked for (P17): the paid subscriptions of the workspaces that will be deleted with the
 * account (the person is their only member) stop renewing at Stripe — they run to the end of the period
 * already paid, which is also when the deletion is due. Subscriptions of workspaces that pass to another
 * owner renew as before. Billing off: nothing to do. Returns how many it stopped.
 */
export async function stopRenewalsForDeletion(deps: { knex: Knex; config: Config; log: Logger }, userId: string): Promise<number> {
  const billing = deps.config.billing;
  if (!billing) return 0;
  const deleted = (await planSuccession(deps.knex, userId)).filter((entry) => entry.outcome === 'delete').map((entry) => entry.workspaceId);
  if (deleted.length === 0) return 0;
  const rows = (await deps.knex('workspaceSubscriptions')
    .whereIn('workspaceId', deleted)
    .whereNotNull('stripeSubscriptionId')
    .whereIn('status', RENEWING)
    .where({ cancelAtPeriodEnd: false })
    .select('workspaceId', 'stripeSubscriptionId')) as Array<{ workspaceId: string; stripeSubscriptionId: string }>;
  for (const row of rows) {
    await callStripe(deps.log, 'stop renewal for account deletion', () => stripeClient(billing).subscriptions.update(row.stripeSubscriptionId, { cancel_at_period_end: true }));
    await deps.knex('workspaceSubscriptions').where({ workspaceId: row.workspaceId }).update({ cancelAtPeriodEnd: true, renewalStoppedForDeletion: true });
  }
  return rows.length;
}

/** The deletion was cancelled: the subscriptions stopped for it renew again; those their owner cancelled stay cancelled. */
export async function resumeRenewalsAfterDeletionCancelled(deps: { knex: Knex; config: Config; log: Logger }, userId: string): Promise<number> {
  const billing = deps.config.billing;
  if (!billing) return 0;
  const rows = (await deps.knex('workspaceSubscriptions as s')
    .join('memberships as m', 'm.workspaceId', 's.workspaceId')
    .where({ 'm.userId': userId, 'm.role': 'owner', 's.renewalStoppedForDeletion': true })
    .whereNotNull('s.stripeSubscriptionId')
    .select('s.workspaceId', 's.stripeSubscriptionId')) as Array<{ workspaceId: string; stripeSubscriptionId: string }>;
  for (const row of rows) {
    await callStripe(deps.log, 'resume renewal after cancelled account deletion', () => stripeClient(billing).subscriptions.update(row.stripeSubscriptionId, { cancel_at_period_end: false }));
    await deps.knex('workspaceSubscriptions').where({ workspaceId: row.workspaceId }).update({ cancelAtPeriodEnd: false, renewalStoppedForDeletion: false });
  }
  return rows.length;
}
