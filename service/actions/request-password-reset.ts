import type { Knex } from 'knex';
import { enqueueEmail } from '../email/outbox.js';
import type { ClientInfo } from '../lib/client-info.js';
import { type RateLimitRule, hitRateLimit } from '../lib/rate-limits.js';
import { keyedHash } from '../lib/tokens.js';
import { User } from '../models/user.js';
import { ACCOUNT_TOKEN_LIFETIMES, issueAccountToken, type LinkConfig } from './account-tokens.js';
import { rateLimitedError } from './rate-limited.js';

/** Per IP: asking for many addresses is a probe or a spammer. Per address: a few links an hour are plenty. */
export const PASSWORD_RESET_LIMITS: { perIp: RateLimitRule; perEmail: RateLimitRule } = {
  perIp: { limit: 10, windowSeconds: 3600 },
  perEmail: { limit: 3, windowSeconds: 3600 },
};

/** The one answer to every reset request, so it tells nobody whether an address has an account. */
export const PASSWORD_RESET_ACCEPTED =
  'If an account uses that address, we sent it a link to choose a new password. The link works for one hour.';

/**
 * Emails a password reset link (1 hour, single use) when `email` has an account — also to accounts made
 * with Google, which is how they set a password. The caller answers the same 202 either way (no account
 * enumeration). Past the per-IP limit: 429. Past the per-address limit nothing is sent, silently: an
 * error there would only help someone flooding a stranger's inbox.
 */
export async function requestPasswordReset(knex: Knex, config: LinkConfig, email: string, client: ClientInfo): Promise<void> {
  if (client.ip) {
    const perIp = await hitRateLimit(knex, `password-reset:ip:${client.ip}`, PASSWORD_RESET_LIMITS.perIp);
    if (perIp.count > PASSWORD_RESET_LIMITS.perIp.limit) {
      throw rateLimitedError({ en: 'Too many password reset requests from your network.', de: 'Zu viele Anfragen zum Zurücksetzen des Passworts aus Ihrem Netzwerk.' }, perIp.retryAfterSeconds);
    }
  }
  // Keyed-hashed, so the counters table holds no addresses.
  const perEmail = await hitRateLimit(knex, `password-reset:email:${keyedHash(config.appSecret, email)}`, PASSWORD_RESET_LIMITS.perEmail);
  if (perEmail.count > PASSWORD_RESET_LIMITS.perEmail.limit) return;
  const user = await User.query(knex).findOne({ email });
  if (!user) return;
  await knex.transaction(async (trx) => {
    const link = await issueAccountToken(trx, config, 'reset-password', user.id, user.email);
    await enqueueEmail(trx, {
      template: 'reset-password',
      to: user.email,
      userId: user.id,
      data: { firstName: user.firstName, resetUrl: link.url, expiresInMinutes: ACCOUNT_TOKEN_LIFETIMES['reset-password'] / 60 },
      dedupeKey: `reset-password:${link.id}`,
    });
  });
}
