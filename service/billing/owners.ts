import type { Knex } from 'knex';
import { PLANS, type PlanId } from '#shared/billing/plans.js';
import { enqueueEmail } from '../email/outbox.js';

/** The owners of a workspace, to whom billing emails go. */
async function ownersOf(trx: Knex.Transaction, workspaceId: string) {
  return (await trx('memberships')
    .join('users', 'users.id', 'memberships.userId')
    .where({ 'memberships.workspaceId': workspaceId, 'memberships.role': 'owner' })
    .select('users.id', 'users.email', 'users.firstName')) as { id: string; email: string; firstName: string }[];
}

/** "5 December 2026" (UTC): the day as people read it in an email. */
function dayOf(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * Emails every owner that a payment failed and until when the paid limits stay, once per invoice and
 * attempt (the dedupe key), in the transaction that recorded the failure.
 */
export async function emailPaymentFailed(trx: Knex.Transaction, workspaceId: string, plan: PlanId, graceEndsAt: Date, dedupe: string): Promise<void> {
  const workspace = (await trx('workspaces').where('id', workspaceId).first('name')) as { name: string };
  for (const owner of await ownersOf(trx, workspaceId)) {
    await enqueueEmail(trx, {
      template: 'billing-payment-failed',
      to: owner.email,
      userId: owner.id,
      data: { firstName: owner.firstName, workspaceName: workspace.name, planName: PLANS[plan].name, graceEnds: dayOf(graceEndsAt) },
      dedupeKey: `billing-payment-failed:${dedupe}:${owner.id}`,
    });
  }
}

/** Emails every owner that the workspace fell back to the Free limits. */
export async function emailLimited(trx: Knex.Transaction, workspaceId: string, plan: PlanId, since: Date): Promise<void> {
  const workspace = (await trx('workspaces').where('id', workspaceId).first('name')) as { name: string };
  for (const owner of await ownersOf(trx, workspaceId)) {
    await enqueueEmail(trx, {
      template: 'billing-limited',
      to: owner.email,
      userId: owner.id,
      data: { firstName: owner.firstName, workspaceName: workspace.name, planName: PLANS[plan].name },
      dedupeKey: `billing-limited:${workspaceId}:${since.toISOString()}:${owner.id}`,
    });
  }
}
