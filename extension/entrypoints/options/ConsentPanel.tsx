import { useState } from 'react';
import { OPTIONAL_CONSENT_CATEGORIES, type ConsentChoices, type OptionalConsentCategory } from '#shared/privacy/consent.js';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages, formatDate } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type ConsentView } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: {
    title: 'Your privacy choices',
    intro: 'Choose what Minopa may do beyond what it needs to work. You can change this at any time here; after 12 months we ask again.',
    askFirst: 'Before you start: please choose what Minopa may do. Nothing optional happens until you do.',
    askAgain: 'Your choice from {date} has expired after 12 months. Please choose again; until then nothing optional happens.',
    essential: 'Essential (always on)',
    essentialHelp: 'Signing you in, saving what you capture and publishing what you schedule. Minopa cannot work without it.',
    functional: 'Functional',
    functionalHelp: 'Remember settings such as theme and language.',
    analytics: 'Usage statistics',
    analyticsHelp: 'Which features you use, how long a session lasts, your device, browser, operating system, screen size and the page you came from, with your IP address shortened. Kept 26 months.',
    errorReports: 'Error reports',
    errorReportsHelp: 'When something breaks, send the error and what led to it to Sentry, identified only by your user id, so we can fix it.',
    marketing: 'Marketing',
    marketingHelp: 'Measuring our marketing. Minopa does not use this today.',
    allowAll: 'Allow all',
    essentialOnly: 'Only essential',
    save: 'Save my choice',
    saving: 'Saving…',
    saved: 'Saved. Your choice holds until {date}.',
    current: 'Your choice from {date} holds until {until}.',
    notSent: 'Saved in this browser; it will be sent to your account when the service can be reached.',
  },
  de: {
    title: 'Ihre Datenschutz-Einstellungen',
    intro: 'Wählen Sie, was Minopa über das Nötige hinaus tun darf. Sie können das hier jederzeit ändern; nach 12 Monaten fragen wir erneut.',
    askFirst: 'Bevor Sie beginnen: Bitte wählen Sie, was Minopa tun darf. Nichts Optionales geschieht, bevor Sie gewählt haben.',
    askAgain: 'Ihre Auswahl vom {date} ist nach 12 Monaten abgelaufen. Bitte wählen Sie erneut; bis dahin geschieht nichts Optionales.',
    essential: 'Notwendig (immer aktiv)',
    essentialHelp: 'Sie anmelden, Ihre Erfassungen speichern und veröffentlichen, was Sie planen. Ohne das funktioniert Minopa nicht.',
    functional: 'Funktional',
    functionalHelp: 'Einstellungen wie Farbschema und Sprache merken.',
    analytics: 'Nutzungsstatistik',
    analyticsHelp: 'Welche Funktionen Sie nutzen, wie lange eine Sitzung dauert, Ihr Gerät, Browser, Betriebssystem, Ihre Bildschirmgröße und die Seite, von der Sie kamen, mit gekürzter IP-Adresse. 26 Monate aufbewahrt.',
    errorReports: 'Fehlerberichte',
    errorReportsHelp: 'Wenn etwas schiefgeht, den Fehler und seinen Hergang an Sentry senden, nur mit Ihrer Benutzer-ID, damit wir ihn beheben können.',
    marketing: 'Marketing',
    marketingHelp: 'Unser Marketing messen. Minopa nutzt das derzeit nicht.',
    allowAll: 'Alle erlauben',
    essentialOnly: 'Nur notwendige',
    save: 'Auswahl speichern',
    saving: 'Wird gespeichert…',
    saved: 'Gespeichert. Ihre Auswahl gilt bis zum {date}.',
    current: 'Ihre Auswahl vom {date} gilt bis zum {until}.',
    notSent: 'In diesem Browser gespeichert; sie wird an Ihr Konto gesendet, sobald der Dienst erreichbar ist.',
  },
});

const ALL = (allowed: boolean): ConsentChoices => ({ functional: allowed, analytics: allowed, marketing: allowed, errorReports: allowed });
const day = (iso: string) => formatDate(iso, { dateStyle: 'long' });

/**
 * Consent by category (P20): essential always on, every other category off until the person allows it.
 * "Allow all" and "Only essential" are equally prominent; a saved choice holds twelve months, then this
 * panel asks again (App then shows it at the top of the page). Shown signed in or not: it governs the
 * extension itself.
 */
export function ConsentPanel({ initial }: { initial: ConsentView }) {
  useLocale();
  const [view, setView] = useState<ConsentView>(initial);
  const [draft, setDraft] = useState<ConsentChoices>(initial.choices);
  const [savedNow, setSavedNow] = useState(false);
  const save = useAction(async (choices: ConsentChoices) => {
    const next = await sendMessage('saveConsent', { choices });
    setView(next);
    setDraft(next.choices);
    setSavedNow(true);
  });

  const choose = (choices: ConsentChoices) => void save.run(choices);
  return (
    <section className="card" id="consent" aria-labelledby="consent-title" data-testid="consent-panel">
      <h2 id="consent-title">{t('title')}</h2>
      {view.status === 'missing' && <p className="notice" role="status" data-testid="consent-ask">{t('askFirst')}</p>}
      {view.status === 'expired' && view.decidedAt && (
        <p className="notice" role="status" data-testid="consent-ask">
          {t('askAgain', { date: day(view.decidedAt) })}
        </p>
      )}
      <p className="muted">{t('intro')}</p>
      <FormError message={save.error?.message ?? null} />
      <fieldset className="consent-categories">
        <legend className="visually-hidden">{t('title')}</legend>
        <label className="consent-category">
          <input type="checkbox" checked disabled /> <strong>{t('essential')}</strong>
          <span className="small muted">{t('essentialHelp')}</span>
        </label>
        {OPTIONAL_CONSENT_CATEGORIES.map((category: OptionalConsentCategory) => (
          <label className="consent-category" key={category}>
            <input
              type="checkbox"
              checked={draft[category]}
              onChange={(event) => setDraft({ ...draft, [category]: event.target.checked })}
              data-testid={`consent-${category}`}
            />{' '}
            <strong>{t(category)}</strong>
            <span className="small muted">{t(`${category}Help`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <Button variant="secondary" pending={save.pending} onClick={() => choose(ALL(false))} data-testid="consent-essential-only">
          {t('essentialOnly')}
        </Button>
        <Button variant="secondary" pending={save.pending} onClick={() => choose(ALL(true))} data-testid="consent-allow-all">
          {t('allowAll')}
        </Button>
        <Button pending={save.pending} pendingLabel={t('saving')} onClick={() => choose(draft)} data-testid="consent-save">
          {t('save')}
        </Button>
      </div>
      {view.status === 'current' && view.decidedAt && view.expiresAt && (
        <p className={savedNow ? 'notice-success' : 'small muted'} role="status" data-testid="consent-status">
          {savedNow ? t('saved', { date: day(view.expiresAt) }) : t('current', { date: day(view.decidedAt), until: day(view.expiresAt) })}
          {!view.savedOnService && <> {t('notSent')}</>}
        </p>
      )}
    </section>
  );
}
