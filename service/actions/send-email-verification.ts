import type { Knex } from 'knex';
import { enqueueEmail } from '../email/outbox.js';
import type { User } from '../models/user.js';
import { ACCOUNT_TOKEN_LIFETIMES, issueAccountToken, type LinkConfig } from './account-tokens.js';

/**
 * Emails `user` a link to verify their current address (48 hours, single use). Pass the transaction
 * that created or changed the account: the email exists only if the account does.
 */
export async function sendEmailVerification(
  trx: Knex | Knex.Transaction,
  config: LinkConfig,
  user: Pick<User, 'id' | 'firstName' | 'email'>,
): Promise<void> {
  const link = await issueAccountToken(trx, config, 'verify-email', user.id, user.email);
  await enqueueEmail(trx, {
    template: 'verify-email',
    to: user.email,
    userId: user.id,
    data: { firstName: user.firstName, verifyUrl: link.url, expiresInHours: ACCOUNT_TOKEN_LIFETIMES['verify-email'] / 3600 },
    dedupeKey: `verify-email:${link.id}`,
  });
}
