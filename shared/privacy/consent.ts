/**
 * Consent by category (P20, P21), shared by the service (which stores choices) and the extension (which
 * asks for them and obeys them). Essential processing (signing in, publishing what you schedule) needs
 * no consent; every other category starts denied and is allowed only by the person's choice.
 */

/** The categories a person can allow or deny; `errorReports` is Sentry (P8), asked separately from usage analytics. */
export const OPTIONAL_CONSENT_CATEGORIES = ['functional', 'analytics', 'marketing', 'errorReports'] as const;

export type OptionalConsentCategory = (typeof OPTIONAL_CONSENT_CATEGORIES)[number];

/** A person's choice: true = allowed. */
export type ConsentChoices = Record<OptionalConsentCategory, boolean>;

/** What applies when nobody chose (or the choice expired): everything optional denied. */
export const DENIED_CHOICES: ConsentChoices = { functional: false, analytics: false, marketing: false, errorReports: false };

/** A choice holds for twelve months; then the person is asked again (P20). */
export const CONSENT_VALID_MONTHS = 12;

/** When a choice made at `decidedAt` stops holding: the same instant twelve calendar months later (UTC). */
export function consentExpiry(decidedAt: Date): Date {
  const expires = new Date(decidedAt);
  expires.setUTCMonth(expires.getUTCMonth() + CONSENT_VALID_MONTHS);
  return expires;
}

/** Google Consent Mode v2 signal values. */
export type ConsentSignal = 'granted' | 'denied';

/** The Consent Mode v2 signals (P21) a page of ours sets before any analytics script loads. */
export interface ConsentModeSignals {
  analytics_storage: ConsentSignal;
  ad_storage: ConsentSignal;
  ad_user_data: ConsentSignal;
  ad_personalization: ConsentSignal;
  functionality_storage: ConsentSignal;
  personalization_storage: ConsentSignal;
  security_storage: ConsentSignal;
}

/**
 * Maps a choice onto Consent Mode v2: analytics_storage follows analytics; the three advertising signals
 * follow marketing (unused today, so denied unless someone allowed it); functionality and
 * personalisation storage follow functional; security storage is essential. No choice: all denied
 * but security.
 */
export function consentModeOf(choices: ConsentChoices | null): ConsentModeSignals {
  const signal = (allowed: boolean | undefined): ConsentSignal => (allowed ? 'granted' : 'denied');
  return {
    analytics_storage: signal(choices?.analytics),
    ad_storage: signal(choices?.marketing),
    ad_user_data: signal(choices?.marketing),
    ad_personalization: signal(choices?.marketing),
    functionality_storage: signal(choices?.functional),
    personalization_storage: signal(choices?.functional),
    security_storage: 'granted',
  };
}
