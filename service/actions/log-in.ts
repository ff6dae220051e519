import type { Knex } from 'knex';
import type { z } from 'zod';
import type { LogInInput } from '#shared/api/auth.js';
import { HttpError } from '../errors.js';
import type { ClientInfo } from '../lib/client-info.js';
import { verifyPassword } from '../lib/passwords.js';
import { type RateLimitRule, hitRateLimit, peekRateLimit } from '../lib/rate-limits.js';
import { keyedHash } from '../lib/tokens.js';
import { User } from '../models/user.js';
import { createSession, type NewSession } from './create-session.js';
import { rateLimitedError } from './rate-limited.js';

/** Log-in limits: every attempt counts per IP; failures count per account. */
export const LOG_IN_LIMITS: { perIp: RateLimitRule; perAccount: RateLimitRule } = {
  perIp: { limit: 30, windowSeconds: 15 * 60 },
  perAccount: { limit: 10, windowSeconds: 15 * 60 },
};

/**
 * Checks email and password and opens a session. Rate limited in Postgres (shared by all instances):
 * 30 attempts per IP and 10 failures per account per 15 minutes, then 429 with Retry-After. An unknown
 * email costs the same password check as a wrong password, and both get the same answer. An account
 * made with Google (no password) answers 401 password_not_set, which says to use Google or reset.
 */
export async function logIn(
  knex: Knex,
  appSecret: string,
  input: z.output<typeof LogInInput>,
  client: ClientInfo,
): Promise<NewSession & { user: User }> {
  if (client.ip) {
    const perIp = await hitRateLimit(knex, `log-in:ip:${client.ip}`, LOG_IN_LIMITS.perIp);
    if (perIp.count > LOG_IN_LIMITS.perIp.limit) {
      throw rateLimitedError({ en: 'Too many sign-in attempts from your network.', de: 'Zu viele Anmeldeversuche aus Ihrem Netzwerk.' }, perIp.retryAfterSeconds);
    }
  }
  // The email is keyed-hashed so the counters table holds no addresses.
  const accountKey = `log-in:account:${keyedHash(appSecret, input.email)}`;
  const failures = await peekRateLimit(knex, accountKey, LOG_IN_LIMITS.perAccount);
  if (failures.count >= LOG_IN_LIMITS.perAccount.limit) {
    throw rateLimitedError({ en: 'Too many failed sign-in attempts for this account.', de: 'Zu viele fehlgeschlagene Anmeldeversuche für dieses Konto.' }, failures.retryAfterSeconds);
  }
  const user = await User.query(knex).findOne({ email: input.email });
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) {
    await hitRateLimit(knex, accountKey, LOG_IN_LIMITS.perAccount);
    // An account made with Google has no password to match: say how to get in instead of "wrong password".
    throw new HttpError(user && user.passwordHash === null ? 'password_not_set' : 'invalid_credentials');
  }
  const session = await createSession(knex, appSecret, user.id, { ...client, label: input.client });
  return { ...session, user };
}
