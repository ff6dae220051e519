import type { Knex } from 'knex';
import { enqueueEmail } from '../email/outbox.js';
import type { User } from '../models/user.js';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' });

/** "28 November 2026, 14:05 UTC": the form the password-changed email expects. */
export function writtenTime(at: Date): string {
  return `${DATE.format(at)}, ${TIME.format(at)} UTC`;
}

/**
 * Tells the account's owner that its password changed (a reset or a change), so a stranger's change
 * does not go unnoticed. Enqueued in the transaction that changed it.
 */
export async function notifyPasswordChanged(trx: Knex | Knex.Transaction, user: Pick<User, 'id' | 'firstName' | 'email'>, at: Date): Promise<void> {
  await enqueueEmail(trx, {
    template: 'password-changed',
    to: user.email,
    userId: user.id,
    data: { firstName: user.firstName, changedAt: writtenTime(at) },
  });
}
