import { enqueueEmail } from '../email/outbox.js';
import { eraseAccount } from '../privacy/deletion/erase-account.js';
import { dateForPeople, REMINDER_DAYS_BEFORE } from '../privacy/deletion/request.js';
import type { JobDeps } from './types.js';

/** How long one runner holds an account it is deleting; a crashed runner's account is resumed after it. */
const LEASE_MINUTES = 15;

/**
 * P17, P18: reminds each person once, a week before their account is deleted, then deletes the accounts
 * whose cooling-off period ended, one at a time under a lease (another instance skips it; a crash lets
 * the lease lapse and the next run resumes the idempotent steps). An account that fails is logged and
 * retried after its lease; the others go on.
 */
export async function runDeleteAccounts(deps: JobDeps): Promise<{ reminded: number; deleted: number }> {
  const { knex } = deps;
  let reminded = 0;
  await knex.transaction(async (trx) => {
    const due = (await trx('users')
      .whereNotNull('deletionDueAt')
      .whereNull('deletionRemindedAt')
      .where('deletionDueAt', '>', trx.fn.now())
      .where('deletionDueAt', '<=', trx.raw(`now() + interval '${REMINDER_DAYS_BEFORE} days'`))
      .forUpdate()
      .skipLocked()
      .limit(100)
      .select('id', 'email', 'firstName', 'deletionDueAt', 'deletionRequestedAt')) as Array<{ id: string; email: string; firstName: string; deletionDueAt: Date; deletionRequestedAt: Date }>;
    for (const user of due) {
      await trx('users').where({ id: user.id }).update({ deletionRemindedAt: trx.fn.now() });
      await enqueueEmail(trx, {
        template: 'account-deletion-reminder',
        to: user.email,
        userId: user.id,
        data: { firstName: user.firstName, deletionDate: dateForPeople(user.deletionDueAt) },
        dedupeKey: `account-deletion-reminder:${user.id}:${user.deletionRequestedAt.toISOString()}`,
      });
      reminded += 1;
    }
  });

  let deleted = 0;
  for (;;) {
    if (deps.signal?.aborted) break;
    const [claimed] = (await knex.raw(
      `update users set deletion_lease_expires_at = now() + interval '${LEASE_MINUTES} minutes'
        where id = (select id from users
                     where deletion_due_at <= now() and (deletion_lease_expires_at is null or deletion_lease_expires_at < now())
                     order by deletion_due_at limit 1 for update skip locked)
        returning id`,
    )).rows as Array<{ id: string }>;
    if (!claimed) break;
    try {
      await eraseAccount(deps, claimed.id);
      deleted += 1;
    } catch (error) {
      deps.logger.error('deleting an account failed; it is retried after its lease', { userId: claimed.id, error });
    }
  }
  return { reminded, deleted };
}
