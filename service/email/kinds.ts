import type { Bilingual } from '#shared/i18n.js';

/**
 * The kinds of email Minopa sends. A kind is what a person turns off in Settings → Email preferences
 * (P10, P11) or unsubscribes from by link; every template names one.
 */
export const EMAIL_KINDS = ['account', 'security', 'invitation', 'post-scheduled', 'post-failed', 'product-updates', 'newsletter', 'marketing'] as const;

/** One kind of email. */
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * Kinds the service needs to run an account (verification, password resets, security notices, invitations):
 * always on in the preferences, so they cannot be switched off there. Their unsubscribe link still works.
 */
export const TRANSACTIONAL_EMAIL_KINDS: readonly EmailKind[] = ['account', 'security', 'invitation'];

/**
 * What a kind is on as long as the person made no choice (no row in email_preferences). Newsletter and
 * marketing start off: verifying the address turns them on (P11, see actions/verify-email.ts).
 */
export const EMAIL_KIND_DEFAULTS: Record<EmailKind, boolean> = {
  account: true,
  security: true,
  invitation: true,
  'post-scheduled': true,
  'post-failed': true,
  'product-updates': true,
  newsletter: false,
  marketing: false,
};

/** The kinds verifying an address subscribes it to (P11). */
export const SUBSCRIBED_ON_VERIFY: readonly EmailKind[] = ['newsletter', 'marketing'];

/**
 * How each kind is described on the unsubscribe page ("We will no longer send …"), in every language; the
 * German ones are plural nouns, as "Wir senden keine … mehr" needs them.
 */
export const EMAIL_KIND_LABELS: Record<EmailKind, Bilingual> = {
  account: {
    en: 'account emails (address verification, password reset, email change confirmations)',
    de: 'Konto-E-Mails (Bestätigung der Adresse, Zurücksetzen des Passworts, Bestätigung einer neuen E-Mail-Adresse)',
  },
  security: {
    en: 'security notices (for example, when your password was changed)',
    de: 'Sicherheitshinweise (zum Beispiel, wenn Ihr Passwort geändert wurde)',
  },
  invitation: { en: 'invitations to join a workspace', de: 'Einladungen in einen Arbeitsbereich' },
  'post-scheduled': { en: 'confirmations that a post you wrote is scheduled', de: 'Bestätigungen, dass ein Beitrag von Ihnen geplant ist' },
  'post-failed': { en: 'alerts when a post you wrote could not be published', de: 'Hinweise, wenn ein Beitrag von Ihnen nicht veröffentlicht werden konnte' },
  'product-updates': { en: 'product updates (new features and changes to Minopa)', de: 'Produktneuigkeiten (neue Funktionen und Änderungen an Minopa)' },
  newsletter: { en: 'the Minopa newsletter', de: 'Ausgaben des Minopa-Newsletters' },
  marketing: { en: 'marketing emails (offers and tips)', de: 'Marketing-E-Mails (Angebote und Tipps)' },
};

/** The short name of each kind in Settings → Email preferences, in every language. */
export const EMAIL_KIND_NAMES: Record<EmailKind, Bilingual> = {
  account: { en: 'Account emails', de: 'Konto-E-Mails' },
  security: { en: 'Security notices', de: 'Sicherheitshinweise' },
  invitation: { en: 'Workspace invitations', de: 'Einladungen in Arbeitsbereiche' },
  'post-scheduled': { en: 'Post scheduled', de: 'Beitrag geplant' },
  'post-failed': { en: 'Post failed', de: 'Beitrag fehlgeschlagen' },
  'product-updates': { en: 'Product updates', de: 'Produktneuigkeiten' },
  newsletter: { en: 'Newsletter', de: 'Newsletter' },
  marketing: { en: 'Marketing', de: 'Marketing' },
};

/** True when `value` is one of the kinds above (e.g. read back from a token or a database row). */
export function isEmailKind(value: unknown): value is EmailKind {
  return typeof value === 'string' && (EMAIL_KINDS as readonly string[]).includes(value);
}

/** True when a person can switch `kind` off in their preferences. */
export function isSwitchableKind(kind: EmailKind): boolean {
  return !TRANSACTIONAL_EMAIL_KINDS.includes(kind);
}
