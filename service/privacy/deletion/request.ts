import type { Knex } from 'knex';
import type { AccountDeletion } from '#shared/api/deletion.js';
import { bilingual } from '#shared/i18n.js';
import { checkCurrentPassword } from '../../actions/check-current-password.js';
import { resumeRenewalsAfterDeletionCancelled, stopRenewalsForDeletion } from '../../billing/account-deletion.js';
import type { Config } from '../../config.js';
import { unschedulePost } from '../../actions/unschedule-post.js';
import { enqueueEmail } from '../../email/outbox.js';
import { HttpError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { User } from '../../models/user.js';
import { planSuccession } from './succession.js';

/** P17: the least time between asking and deleting, in which the person may change their mind. */
export const COOLING_OFF_DAYS = 30;
/** The reminder goes this long before the end (once). */
export const REMINDER_DAYS_BEFORE = 7;
/** Stripe statuses in which a paid period still runs (as billing counts them). */
const PAID_STATUSES = ['active', 'trialing', 'past_due', 'unpaid'];

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** A date for people, e.g. "1 January 2027". */
export const dateForPeople = (date: Date) => DATE.format(date);

/**
 * When a deletion asked for now is due (P17): 30 days from now, or the end of the paid period of a
 * workspace the person owns, whichever is later — what they paid for stays usable to its end.
 */
export async function deletionDueDate(knex: Knex, userId: string, now = new Date()): Promise<{ dueAt: Date; extendedByPaidPeriod: boolean }> {
  const coolingOff = new Date(now.getTime() + COOLING_OFF_DAYS * 86_400_000);
  const row = (await knex('workspaceSubscriptions as s')
    .join('memberships as m', 'm.workspaceId', 's.workspaceId')
    .where({ 'm.userId': userId, 'm.role': 'owner' })
    .whereNotNull('s.stripeSubscriptionId')
    .whereIn('s.status', PAID_STATUSES)
    .max({ end: 's.currentPeriodEnd' })
    .first()) as { end: Date | null } | undefined;
  const paidUntil = row?.end ? new Date(row.end) : null;
  return paidUntil && paidUntil > coolingOff ? { dueAt: paidUntil, extendedByPaidPeriod: true } : { dueAt: coolingOff, extendedByPaidPeriod: false };
}

/** The person's deletion as the API shows it. */
export async function accountDeletion(knex: Knex, userId: string, unscheduledPosts: number | null = null): Promise<AccountDeletion> {
  const user = await knex('users').where({ id: userId }).first('deletionRequestedAt', 'deletionDueAt');
  if (!user) throw new HttpError('unauthenticated');
  const plan = await planSuccession(knex, userId);
  const workspaces = plan.map((entry) => ({ id: entry.workspaceId, name: entry.name, outcome: entry.outcome }));
  if (!user.deletionDueAt) return { status: 'none', requestedAt: null, dueAt: null, unscheduledPosts: null, workspaces };
  return { status: 'scheduled', requestedAt: user.deletionRequestedAt.toISOString(), dueAt: user.deletionDueAt.toISOString(), unscheduledPosts, workspaces };
}

/**
 * Starts the cooling-off period (P17). The person confirms it is them: their current password, or for
 * an account without one (Google sign-in) their email address typed out. Refused (409
 * ownership_transfer_required, naming the workspaces) while a workspace they own has other members but
 * no other owner or admin to carry it on. Publishing and inviting close at once (the session lookup reads
 * the flag); the person's scheduled posts go back to drafts, so nothing is published in their name
 * meanwhile. Asking again while pending changes nothing.
 */
export async function requestAccountDeletion(
  knex: Knex,
  log: Logger,
  config: Config,
  userId: string,
  input: { password?: string | undefined; confirmEmail?: string | undefined },
): Promise<AccountDeletion> {
  const user = await User.query(knex).findById(userId);
  if (!user) throw new HttpError('unauthenticated');
  if (user.passwordHash !== null) {
    await checkCurrentPassword(knex, user, input.password, 'password');
  } else if ((input.confirmEmail ?? '').trim().toLowerCase() !== user.email.toLowerCase()) {
    throw new HttpError('validation_failed', { en: 'Type your email address to confirm it is you.', de: 'Geben Sie Ihre E-Mail-Adresse ein, um zu bestätigen, dass Sie es sind.' }, [
      { path: 'confirmEmail', message: { en: 'must be your email address', de: 'muss Ihre E-Mail-Adresse sein' } },
    ]);
  }
  const blocked = (await planSuccession(knex, userId)).filter((entry) => entry.outcome === 'blocked');
  if (blocked.length > 0) {
    const names = { en: blocked.map((entry) => `“${entry.name}”`).join(', '), de: blocked.map((entry) => `„${entry.name}“`).join(', ') };
    throw new HttpError(
      'ownership_transfer_required',
      bilingual(
        {
          en: 'Transfer ownership first: {names} has other members but no other owner or admin. Make someone an owner or admin there, then ask again.',
          de: 'Übertragen Sie zuerst die Inhaberschaft: {names} hat weitere Mitglieder, aber keinen anderen Inhaber und keinen Administrator. Machen Sie dort jemanden zum Inhaber oder Administrator und versuchen Sie es dann erneut.',
        },
        { names },
      ),
      blocked.map((entry) => ({ path: `workspaces.${entry.workspaceId}`, message: { en: `“${entry.name}” needs another owner or an admin`, de: `„${entry.name}“ braucht einen anderen Inhaber oder einen Administrator` } })),
    );
  }
  const { dueAt } = await deletionDueDate(knex, userId);
  // Workspaces deleted with the account must not renew past the period already paid (Stripe refuses: nothing starts).
  const pending = await knex('users').where({ id: userId }).first('deletionDueAt');
  if (!pending?.deletionDueAt) await stopRenewalsForDeletion({ knex, config, log }, userId);
  const started = await knex.transaction(async (trx) => {
    const updated = await trx('users')
      .where({ id: userId })
      .whereNull('deletionDueAt')
      .update({ deletionRequestedAt: trx.fn.now(), deletionDueAt: dueAt, deletionRemindedAt: null }, ['deletionRequestedAt']);
    if (updated.length === 0) return false;
    await enqueueEmail(trx, {
      template: 'account-deletion-requested',
      to: user.email,
      userId,
      data: { firstName: user.firstName, deletionDate: dateForPeople(dueAt), coolingOffDays: COOLING_OFF_DAYS },
      dedupeKey: `account-deletion-requested:${userId}:${(updated[0] as { deletionRequestedAt: Date }).deletionRequestedAt.toISOString()}`,
    });
    return true;
  });
  const unscheduled = started ? await unscheduleOwnPosts(knex, log, userId) : null;
  return accountDeletion(knex, userId, unscheduled);
}

/** Cancels a pending deletion: full access again at once, subscriptions stopped for it renew. 404 deletion_not_requested when none is pending. */
export async function cancelAccountDeletion(knex: Knex, log: Logger, config: Config, userId: string): Promise<AccountDeletion> {
  const updated = await knex('users').where({ id: userId }).whereNotNull('deletionDueAt').update({ deletionRequestedAt: null, deletionDueAt: null, deletionRemindedAt: null });
  if (updated === 0) throw new HttpError('deletion_not_requested');
  // What stopped renewing for the deletion renews again (failing here leaves it to the owner's billing page).
  await resumeRenewalsAfterDeletionCancelled({ knex, config, log }, userId).catch((error: unknown) => log.error('renewals could not be resumed after a cancelled deletion', { error }));
  return accountDeletion(knex, userId);
}

/**
 * Takes the person's scheduled posts back to drafts (each post in its own short transaction, as the
 * unschedule endpoint does). A post being published right now is left to finish; answers how many went back.
 */
async function unscheduleOwnPosts(knex: Knex, log: Logger, userId: string): Promise<number> {
  const posts = (await knex('posts as p')
    .where('p.createdBy', userId)
    .whereExists(knex('postTargets as t').whereRaw('t.post_id = p.id').where('t.status', 'scheduled'))
    .select('p.id', 'p.workspaceId')) as Array<{ id: string; workspaceId: string }>;
  let count = 0;
  for (const post of posts) {
    try {
      await unschedulePost(knex, post.workspaceId, post.id);
      count += 1;
    } catch (error) {
      log.warn('a scheduled post could not be unscheduled for an account deletion', { postId: post.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return count;
}
