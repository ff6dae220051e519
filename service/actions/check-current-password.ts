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
  if (failures.count >= REAUTH_LIMIT.limit) throw rateLimitedError('Too many wrong passwords.', failures.retryAfterSeconds);
  if (!password) {
    throw new HttpError('validation_failed', 'Enter your current password to confirm it is you.', [{ path: field, message: 'must not be empty' }]);
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await hitRateLimit(knex, key, REAUTH_LIMIT);
    throw new HttpError('validation_failed', 'That is not your current password.', [{ path: field, message: 'is not your current password' }]);
  }
}
