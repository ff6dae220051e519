import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { type RateLimitRule, hitRateLimit } from '../lib/rate-limits.js';
import { User } from '../models/user.js';
import type { LinkConfig } from './account-tokens.js';
import { rateLimitedError } from './rate-limited.js';
import { sendEmailVerification } from './send-email-verification.js';

/** A person can ask for a new verification link 3 times an hour: enough for a lost email, too few to spam with. */
export const RESEND_VERIFICATION_LIMIT: RateLimitRule = { limit: 3, windowSeconds: 3600 };

/**
 * Emails a new verification link to the person's current address (earlier links keep working until they
 * expire). Answers with a sentence saying what happened; 429 rate_limited past the limit.
 */
export async function resendEmailVerification(knex: Knex, config: LinkConfig, userId: string): Promise<string> {
  const user = await User.query(knex).findById(userId);
  if (!user) throw new HttpError('unauthenticated');
  if (user.emailVerifiedAt) return `Your email address ${user.email} is already verified.`;
  const hit = await hitRateLimit(knex, `verify-email:user:${userId}`, RESEND_VERIFICATION_LIMIT);
  if (hit.count > RESEND_VERIFICATION_LIMIT.limit) {
    throw rateLimitedError({ en: 'We already sent you several links this hour: check your inbox and spam folder.', de: 'Wir haben Ihnen in dieser Stunde schon mehrere Links geschickt: Sehen Sie in Ihrem Posteingang und im Spam-Ordner nach.' }, hit.retryAfterSeconds);
  }
  await knex.transaction((trx) => sendEmailVerification(trx, config, user));
  return `We sent a new link to ${user.email}. It works for 48 hours.`;
}
