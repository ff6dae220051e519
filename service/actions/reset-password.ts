import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { hashPassword } from '../lib/passwords.js';
import { Session } from '../models/session.js';
import { User } from '../models/user.js';
import { consumeAccountToken, retireAccountTokens } from './account-tokens.js';
import { notifyPasswordChanged } from './notify-password-changed.js';
import { subscribeVerifiedAddress } from '../email/preferences.js';

/**
 * Sets a new password with a reset link: uses the link up, signs out every session (whoever knew the old
 * password is out), retires other reset links, and emails 'password-changed'. The link came to the
 * account's address, so the address counts as verified too. 400 link_invalid / 410 link_expired.
 */
export async function resetPassword(knex: Knex, appSecret: string, token: string, password: string): Promise<User> {
  // Hashing is slow (argon2id): done before the transaction, so no row stays locked meanwhile.
  const passwordHash = await hashPassword(password);
  return knex.transaction(async (trx) => {
    const used = await consumeAccountToken(trx, appSecret, 'reset-password', token);
    const user = await User.query(trx).findById(used.userId).forUpdate();
    if (!user || user.email !== used.email) throw new HttpError('link_invalid', { en: 'This link was for an earlier email address of your account. Ask for a new one.', de: 'Dieser Link galt für eine frühere E-Mail-Adresse Ihres Kontos. Fordern Sie einen neuen an.' });
    const now = new Date();
    await User.query(trx)
      .patch({ passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now, updatedAt: now })
      .where('id', user.id);
    // The reset link reached this address: verified now if it was not (P11).
    if (!user.emailVerifiedAt) await subscribeVerifiedAddress(trx, user.id);
    await Session.query(trx).patch({ revokedAt: now }).where('userId', user.id).whereNull('revokedAt');
    await retireAccountTokens(trx, user.id, ['reset-password']);
    await notifyPasswordChanged(trx, user, now);
    return (await User.query(trx).findById(user.id))!;
  });
}
