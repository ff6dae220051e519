import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { keyedHash } from '../lib/tokens.js';
import { AccountToken, type AccountTokenPurpose } from '../models/account-token.js';

/** How long each kind of emailed link works, in seconds (the database enforces the same bounds). */
export const ACCOUNT_TOKEN_LIFETIMES: Record<AccountTokenPurpose, number> = {
  'verify-email': 48 * 3600,
  'reset-password': 3600,
  'change-email': 48 * 3600,
};

/** Where each kind of link points: a page of the service, which works without the extension. */
const PAGES: Record<AccountTokenPurpose, string> = {
  'verify-email': '/account/verify-email',
  'reset-password': '/account/reset-password',
  'change-email': '/account/confirm-email',
};

// Recognisable in a leaked log or a secret scanner, like session tokens (mns_).
const PREFIX = 'mnl_';
const SHAPE = /^mnl_[A-Za-z0-9_-]{43}$/;

/** What issuing a link needs: the HMAC key and the service's public address. */
export interface LinkConfig {
  appSecret: string;
  publicUrl: string;
}

/** A freshly issued link token; the token itself exists only here and in the email. */
export interface IssuedToken {
  id: string;
  token: string;
  url: string;
  expiresAt: Date;
}

/**
 * Issues a single-use link token for `purpose`, stored only as its HMAC (like session tokens), expiring
 * after ACCOUNT_TOKEN_LIFETIMES. Call it in the transaction that enqueues the email carrying the link.
 */
export async function issueAccountToken(
  trx: Knex | Knex.Transaction,
  config: LinkConfig,
  purpose: AccountTokenPurpose,
  userId: string,
  email: string,
): Promise<IssuedToken> {
  const token = PREFIX + randomBytes(32).toString('base64url');
  // Rows of the person's links that expired a week ago are no use to anyone: they go when a new one comes.
  await AccountToken.query(trx).delete().where('userId', userId).where('expiresAt', '<', trx.raw(`now() - interval '7 days'`));
  // now() on both sides of the CHECK comes from the database clock, so the bound holds exactly.
  const row = await AccountToken.query(trx)
    .insert({
      purpose,
      tokenHash: keyedHash(config.appSecret, token),
      userId,
      email,
      expiresAt: trx.raw('now() + make_interval(secs => ?)', [ACCOUNT_TOKEN_LIFETIMES[purpose]]) as unknown as Date,
    })
    .returning('*');
  return { id: row.id, token, url: accountLinkUrl(config.publicUrl, purpose, token), expiresAt: row.expiresAt };
}

/** The address of the page an emailed link opens. */
export function accountLinkUrl(publicUrl: string, purpose: AccountTokenPurpose, token: string): string {
  return `${publicUrl}${PAGES[purpose]}?token=${encodeURIComponent(token)}`;
}

/**
 * Uses up a link token in one statement (two clicks racing cannot both succeed). Throws 400
 * link_invalid for an unknown, used or wrong-purpose token and 410 link_expired for an expired one.
 */
export async function consumeAccountToken(
  knex: Knex | Knex.Transaction,
  appSecret: string,
  purpose: AccountTokenPurpose,
  token: string,
): Promise<AccountToken> {
  if (!SHAPE.test(token)) throw new HttpError('link_invalid');
  const tokenHash = keyedHash(appSecret, token);
  const [used] = await AccountToken.query(knex)
    .patch({ usedAt: knex.fn.now() as unknown as Date })
    .where({ tokenHash, purpose })
    .whereNull('usedAt')
    .where('expiresAt', '>', knex.fn.now())
    .returning('*');
  if (used) return used as unknown as AccountToken;
  const expired = await AccountToken.query(knex).findOne({ tokenHash, purpose }).whereNull('usedAt');
  throw new HttpError(expired ? 'link_expired' : 'link_invalid');
}

/** Retires every unused token of `purpose` for the person (e.g. older reset links once the password changed). */
export async function retireAccountTokens(knex: Knex | Knex.Transaction, userId: string, purposes: AccountTokenPurpose[]): Promise<void> {
  await AccountToken.query(knex)
    .patch({ usedAt: knex.fn.now() as unknown as Date })
    .where('userId', userId)
    .whereIn('purpose', purposes)
    .whereNull('usedAt');
}
