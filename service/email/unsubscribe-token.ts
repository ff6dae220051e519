import { createHmac, timingSafeEqual } from 'node:crypto';
import { type EmailKind, isEmailKind } from './kinds.js';

/** What an unsubscribe token says: this address no longer wants this kind of email. */
export interface UnsubscribeClaim {
  email: string;
  kind: EmailKind;
}

// Domain separation: an HMAC made for another purpose with the same APP_SECRET never verifies here.
const PURPOSE = 'minopa:email-unsubscribe:v1';

/**
 * A token for the unsubscribe link: base64url(JSON {e, k}) + '.' + HMAC-SHA256 of it keyed with
 * APP_SECRET. It needs no login and never expires (old emails must keep working, P11), and it is
 * deterministic, so re-rendering an email for a retry yields the same bytes (same idempotency request).
 */
export function signUnsubscribeToken(appSecret: string, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(JSON.stringify({ e: claim.email.trim().toLowerCase(), k: claim.kind })).toString('base64url');
  return `${payload}.${mac(appSecret, payload)}`;
}

/** The claim inside a token, or null when it is malformed, tampered with, or signed with another secret. */
export function verifyUnsubscribeToken(appSecret: string, token: string | undefined | null): UnsubscribeClaim | null {
  if (typeof token !== 'string' || token.length > 1000) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(appSecret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { e, k } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { e?: unknown; k?: unknown };
    if (typeof e !== 'string' || !e.includes('@') || !isEmailKind(k)) return null;
    return { email: e, kind: k };
  } catch {
    return null;
  }
}

/** The page (GET) and one-click (POST, RFC 8058) address for `claim`, under PUBLIC_URL. */
export function unsubscribeUrl(publicUrl: string, appSecret: string, claim: UnsubscribeClaim): string {
  return `${publicUrl}/email/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(appSecret, claim))}`;
}

function mac(appSecret: string, payload: string): string {
  return createHmac('sha256', appSecret).update(`${PURPOSE}\n${payload}`).digest('base64url');
}
