import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { subscribeVerifiedAddress } from '../email/preferences.js';
import { User } from '../models/user.js';
import { consumeAccountToken, retireAccountTokens } from './account-tokens.js';

/**
 * Marks the address of a verification link as verified. The link must be for the account's current
 * address: after an email change, an old link proves nothing about the new one (400 link_invalid).
 */
export async function verifyEmail(knex: Knex, appSecret: string, token: string): Promise<User> {
  return knex.transaction(async (trx) => {
    const used = await consumeAccountToken(trx, appSecret, 'verify-email', token);
    const user = await User.query(trx).findById(used.userId).forUpdate();
    if (!user || user.email !== used.email) throw new HttpError('link_invalid', { en: 'This link was for an earlier email address of your account. Ask for a new one.', de: 'Dieser Link galt für eine frühere E-Mail-Adresse Ihres Kontos. Fordern Sie einen neuen an.' });
    if (!user.emailVerifiedAt) {
      await User.query(trx).patch({ emailVerifiedAt: new Date(), updatedAt: new Date() }).where('id', user.id);
      // P11: a verified address is subscribed to the newsletter and marketing, unless the person chose already.
      await subscribeVerifiedAddress(trx, user.id);
    }
    await retireAccountTokens(trx, user.id, ['verify-email']);
    return (await User.query(trx).findById(user.id))!;
  });
}
