import type { Knex } from 'knex';
import type { PlanId } from '#shared/billing/plans.js';
import { emailLimited } from './owners.js';

/**
 * Ends the grace periods that ran out: those workspaces fall back to the Free limits (`limited_since`),
 * deleting nothing, and their owners are told. One UPDATE claims each row once, on any number of
 * instances; a later successful payment lifts the fallback (subscriptions.ts).
 */
export async function endGracePeriods(knex: Knex, now = new Date()): Promise<number> {
  return knex.transaction(async (trx) => {
    const ended = (await trx('workspaceSubscriptions')
      .whereNull('limitedSince')
      .where('graceEndsAt', '<=', now)
      .whereIn('status', ['past_due', 'unpaid'])
      .update({ limitedSince: now, updatedAt: trx.fn.now() })
      .returning(['workspaceId', 'plan'])) as { workspaceId: string; plan: PlanId }[];
    for (const row of ended) await emailLimited(trx, row.workspaceId, row.plan, now);
    return ended.length;
  });
}

/** P19: billing records are kept 7 years; processed webhook ids only as long as Stripe may redeliver (30 days is ample). */
export async function removeExpiredBillingData(knex: Knex, now = new Date()): Promise<{ records: number; events: number }> {
  const sevenYearsAgo = new Date(now);
  sevenYearsAgo.setUTCFullYear(sevenYearsAgo.getUTCFullYear() - 7);
  const records = await knex('billingRecords').where('createdAt', '<', sevenYearsAgo).delete();
  const events = await knex('stripeEvents').where('receivedAt', '<', new Date(now.getTime() - 30 * 86_400_000)).delete();
  return { records, events };
}
