import { randomBytes } from 'node:crypto';
import { keyedHash } from './tokens.js';

/** Every invitation token starts with this (recognisable when leaked, distinct from session tokens). */
export const INVITATION_TOKEN_PREFIX = 'mni_';

const TOKEN_SHAPE = /^mni_[A-Za-z0-9_-]{43}$/;

/** A new invitation token: the prefix and 256 random bits. It exists only in the emailed link. */
export function newInvitationToken(): string {
  return INVITATION_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** True when `value` has the shape of a token we issue (garbage is refused without a lookup). */
export function looksLikeInvitationToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** What the database stores instead of the token: HMAC-SHA256 keyed with APP_SECRET. */
export function invitationTokenHash(appSecret: string, token: string): string {
  return keyedHash(appSecret, `invitation:${token}`);
}

/** The service page a person opens from the email. */
export function invitationAcceptUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/invitations/accept?token=${encodeURIComponent(token)}`;
}
