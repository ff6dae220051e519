import type { Knex } from 'knex';
import { enqueueEmail } from '../email/outbox.js';
import { HttpError } from '../errors.js';
import { type RateLimitRule, hitRateLimit } from '../lib/rate-limits.js';
import { User } from '../models/user.js';
import { ACCOUNT_TOKEN_LIFETIMES, issueAccountToken, type LinkConfig, retireAccountTokens } from './account-tokens.js';
import { checkCurrentPassword } from './check-current-password.js';
import { rateLimitedError } from './rate-limited.js';

/** Confirmation emails to new addresses per account and hour. */
export const CHANGE_EMAIL_LIMIT: RateLimitRule = { limit: 5, windowSeconds: 3600 };

/** The change waiting for confirmation. */
export interface PendingEmailChange {
  pendingEmail: string;
  expiresAt: Date;
}

/**
 * Starts an email change (P28): the account keeps its address until the link sent to the new one is
 * opened (48 hours, single use; a newer request retires older links). Accounts with a password must give
 * it. 409 email_taken when another account uses the address; 400 when it is already theirs.
 */
export async function changeEmail(
  knex: Knex,
  config: LinkConfig,
  userId: string,
  input: { email: string; password?: string | undefined },
): Promise<PendingEmailChange> {
  const user = await User.query(knex).findById(userId);
  if (!user) throw new HttpError('unauthenticated');
  if (user.passwordHash !== null) await checkCurrentPassword(knex, user, input.password, 'password');
  if (input.email === user.email) {
    throw new HttpError('validation_failed', { en: 'That is already your email address.', de: 'Das ist bereits Ihre E-Mail-Adresse.' }, [
      { path: 'email', message: { en: 'is already your email address', de: 'ist bereits Ihre E-Mail-Adresse' } },
    ]);
  }
  if (await User.query(knex).findOne({ email: input.email })) throw new HttpError('email_taken', { en: 'Another account already uses this email address.', de: 'Ein anderes Konto verwendet diese E-Mail-Adresse bereits.' });
  const hit = await hitRateLimit(knex, `change-email:user:${userId}`, CHANGE_EMAIL_LIMIT);
  if (hit.count > CHANGE_EMAIL_LIMIT.limit) throw rateLimitedError({ en: 'Too many email changes this hour.', de: 'Zu viele Änderungen der E-Mail-Adresse in dieser Stunde.' }, hit.retryAfterSeconds);
  return knex.transaction(async (trx) => {
    await retireAccountTokens(trx, userId, ['change-email']);
    const link = await issueAccountToken(trx, config, 'change-email', userId, input.email);
    await enqueueEmail(trx, {
      template: 'email-change',
      to: input.email,
      userId,
      data: { firstName: user.firstName, newEmail: input.email, confirmUrl: link.url, expiresInHours: ACCOUNT_TOKEN_LIFETIMES['change-email'] / 3600 },
      dedupeKey: `change-email:${link.id}`,
    });
    return { pendingEmail: input.email, expiresAt: link.expiresAt };
  });
}
