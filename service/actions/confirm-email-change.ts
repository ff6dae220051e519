import type { Knex } from 'knex';
import { HttpError, isUniqueViolation } from '../errors.js';
import { User } from '../models/user.js';
import { consumeAccountToken, retireAccountTokens } from './account-tokens.js';
import { subscribeVerifiedAddress } from '../email/preferences.js';

/**
 * Switches the account to the address the link was sent to; opening the link proved it, so the new
 * address is verified. Verification and reset links of the old address stop working. 409 email_taken
 * if another account took the address meanwhile; 400 link_invalid / 410 link_expired.
 */
export async function confirmEmailChange(knex: Knex, appSecret: string, token: string): Promise<User> {
  try {
    return await knex.transaction(async (trx) => {
      const used = await consumeAccountToken(trx, appSecret, 'change-email', token);
      const now = new Date();
      await User.query(trx).patch({ email: used.email, emailVerifiedAt: now, updatedAt: now }).where('id', used.userId);
      // P11: the new address is verified; its subscriptions follow the person's choices, made or not yet.
      await subscribeVerifiedAddress(trx, used.userId);
      await retireAccountTokens(trx, used.userId, ['verify-email', 'reset-password', 'change-email']);
      const user = await User.query(trx).findById(used.userId);
      if (!user) throw new HttpError('link_invalid');
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) throw new HttpError('email_taken', { en: 'Another account started using this email address in the meantime.', de: 'Ein anderes Konto verwendet diese E-Mail-Adresse inzwischen.' });
    throw error;
  }
}
