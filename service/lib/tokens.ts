import { createHmac, randomBytes } from 'node:crypto';

/** Every session token starts with this, so a leaked one is easy to recognise (e.g. by secret scanners). */
export const SESSION_TOKEN_PREFIX = 'mns_';

const TOKEN_SHAPE = /^mns_[A-Za-z0-9_-]{43}$/;

/** A new opaque session token: the prefix and 256 random bits. */
export function newSessionToken(): string {
  return SESSION_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** True when `value` has the shape of a token we issue (no database lookup for garbage). */
export function looksLikeSessionToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/**
 * What is stored instead of the token: HMAC-SHA256 keyed with APP_SECRET. A copy of the database alone
 * cannot be turned back into working tokens, and the tokens' 256 bits make a slow hash unnecessary.
 */
export function keyedHash(appSecret: string, value: string): string {
  return createHmac('sha256', appSecret).update(value).digest('base64url');
}
