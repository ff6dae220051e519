import { type Bilingual, type Language, bilingual } from '#shared/i18n.js';
import type { AnalyticsConfig } from './config.js';

/** Where the choice is shown and recorded (the footer link of every page, the banner's forms). */
export const SETTINGS_PATH = '/cookie-settings';
/** The CSRF form name of the consent forms (csrf.ts binds a token to its form). */
export const CONSENT_FORM = 'analytics-consent';

/** "Google Analytics and Microsoft Clarity", or whichever of the two is configured. */
export function toolNames(analytics: AnalyticsConfig, language: Language): string {
  const names = [analytics.googleId && 'Google Analytics', analytics.clarityId && 'Microsoft Clarity'].filter(Boolean) as string[];
  return names.join(language === 'de' ? ' und ' : ' and ');
}

/** Every sentence of the banner and the settings page, in both languages. */
export const consentText = {
  bannerLabel: { en: 'Analytics consent', de: 'Einwilligung in die Analyse' },
  question: (tools: string): Bilingual =>
    bilingual(
      {
        en: 'May Minopa measure how these pages are used? Only if you accept do we load {tools}, which set cookies in your browser.',
        de: 'Darf Minopa messen, wie diese Seiten genutzt werden? Nur wenn Sie zustimmen, laden wir {tools}, die Cookies in Ihrem Browser setzen.',
      },
      { tools },
    ),
  privacyPolicy: { en: 'Privacy policy', de: 'Datenschutzerklärung' },
  accept: { en: 'Accept', de: 'Akzeptieren' },
  decline: { en: 'Decline', de: 'Ablehnen' },
  settings: { en: 'Cookie settings', de: 'Cookie-Einstellungen' },
  settingsIntro: (tools: string): Bilingual =>
    bilingual(
      {
        en: 'Minopa can measure how its pages are used with {tools}. They are loaded, and set their cookies, only while you allow it. Declining also removes the analytics cookies this site can remove.',
        de: 'Minopa kann mit {tools} messen, wie seine Seiten genutzt werden. Sie werden nur geladen und setzen nur dann Cookies, solange Sie es erlauben. Ablehnen entfernt auch die Analyse-Cookies, die diese Website entfernen kann.',
      },
      { tools },
    ),
  none: {
    en: 'This Minopa service uses no analytics: its pages load no analytics scripts and set no analytics cookies.',
    de: 'Dieser Minopa-Dienst verwendet keine Analyse: Seine Seiten laden keine Analyse-Skripte und setzen keine Analyse-Cookies.',
  },
  current: {
    granted: { en: 'Your choice: analytics allowed.', de: 'Ihre Wahl: Analyse erlaubt.' },
    denied: { en: 'Your choice: analytics declined.', de: 'Ihre Wahl: Analyse abgelehnt.' },
    none: { en: 'You have not chosen yet, so no analytics is loaded.', de: 'Sie haben noch nicht gewählt, daher wird keine Analyse geladen.' },
  },
  saved: { en: 'Your choice is saved.', de: 'Ihre Wahl ist gespeichert.' },
  back: { en: 'Back to the page', de: 'Zurück zur Seite' },
  badChoice: { en: 'Choose Accept or Decline.', de: 'Wählen Sie Akzeptieren oder Ablehnen.' },
} satisfies Record<string, Bilingual | ((tools: string) => Bilingual) | Record<string, Bilingual>>;
