/**
 * The kinds of email Minopa sends. A kind is what a person unsubscribes from (P11), so the list is
 * meant to grow (e.g. 'product-updates', 'digest' in the privacy issue); every template names one.
 */
export const EMAIL_KINDS = ['account', 'security', 'invitation', 'post-scheduled', 'post-failed'] as const;

/** One kind of email. */
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** How each kind is described on the unsubscribe page ("You will no longer receive …"). */
export const EMAIL_KIND_LABELS: Record<EmailKind, string> = {
  account: 'account emails (address verification, password reset, email change confirmations)',
  security: 'security notices (for example, when your password was changed)',
  invitation: 'invitations to join a workspace',
  'post-scheduled': 'confirmations that a post you wrote is scheduled',
  'post-failed': 'alerts when a post you wrote could not be published',
};

/** True when `value` is one of the kinds above (e.g. read back from a token or a database row). */
export function isEmailKind(value: unknown): value is EmailKind {
  return typeof value === 'string' && (EMAIL_KINDS as readonly string[]).includes(value);
}
