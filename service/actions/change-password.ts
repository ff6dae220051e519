import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { hashPassword } from '../lib/passwords.js';
import { Session } from '../models/session.js';
import { User } from '../models/user.js';
import { retireAccountTokens } from './account-tokens.js';
import { checkCurrentPassword } from './check-current-password.js';
import { notifyPasswordChanged } from './notify-password-changed.js';

/**
 * Changes the password after checking the current one; every OTHER session is signed out (the device
 * making the change stays in), outstanding reset links stop working, and 'password-changed' is emailed.
 * An account without a password (made with Google) sets one through a reset link instead: a stolen
 * session alone must not be enough to add a password. Returns how many sessions were ended.
 */
export async function changePassword(
  knex: Knex,
  userId: string,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<number> {
  const user = await User.query(knex).findById(userId);
  if (!user) throw new HttpError('unauthenticated');
  if (user.passwordHash === null) {
    throw new HttpError('password_not_set', { en: 'Your account has no password yet. Ask for a password reset link to set one by email.', de: 'Ihr Konto hat noch kein Passwort. Fordern Sie einen Link zum Zurücksetzen an, um per E-Mail eines festzulegen.' });
  }
  await checkCurrentPassword(knex, user, input.currentPassword, 'currentPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return knex.transaction(async (trx) => {
    const now = new Date();
    await User.query(trx).patch({ passwordHash, updatedAt: now }).where('id', userId);
    const ended = await Session.query(trx)
      .patch({ revokedAt: now })
      .where('userId', userId)
      .whereNot('id', currentSessionId)
      .whereNull('revokedAt')
      .where('expiresAt', '>', trx.fn.now());
    await retireAccountTokens(trx, userId, ['reset-password']);
    await notifyPasswordChanged(trx, user, now);
    return ended;
  });
}
