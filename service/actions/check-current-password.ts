import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { verifyPassword } from '../lib/passwords.js';
import { type RateLimitRule, hitRateLimit, peekRateLimit } from '../lib/rate-limits.js';
import type { User } from '../models/user.js';
import { rateLimitedError } from './rate-limited.js';

/** Wrong current passwords per account before changes wait: a stolen session must not become a password oracle. */
export const REAUTH_LIMIT: RateLimitRule = { limit: 10, windowSeconds: 15 * 60 };

/**
 * Confirms the person knows their current password before a sensitive change (email, password).
 * A wrong one is 400 validation_failed on `field`; too many wrong ones 429.
 */
export async function checkCurrentPassword(knex: Knex, user: Pick<User, 'id' | 'passwordHash'>, password: string | undefined, field: string): Promise<void> {
  const key = `reauth:user:${user.id}`;
  const failures = await peekRateLimit(knex, key, REAUTH_LIMIT);
  if (failures.count >= REAUTH_LIMIT.limit) throw rateLimitedError({ en: 'Too many wrong passwords.', de: 'Zu viele falsche Passwörter.' }, failures.retryAfterSeconds);
  if (!password) {
    throw new HttpError('validation_failed', { en: 'Enter your current password to confirm it is you.', de: 'Geben Sie Ihr aktuelles Passwort ein, um zu bestätigen, dass Sie es sind.' }, [
      { path: field, message: { en: 'must not be empty', de: 'darf nicht leer sein' } },
    ]);
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await hitRateLimit(knex, key, REAUTH_LIMIT);
    throw new HttpError('validation_failed', { en: 'That is not your current password.', de: 'Das ist nicht Ihr aktuelles Passwort.' }, [
      { path: field, message: { en: 'is not your current password', de: 'ist nicht Ihr aktuelles Passwort' } },
    ]);
  }
}
