import { useEffect, useState } from 'react';
import type { EmailPreferences } from '#shared/api/email-preferences.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { toUiError } from '../../lib/errors.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: {
    title: 'Email preferences',
    intro: 'Choose which emails Minopa sends you. A change applies at once, also to emails already on their way.',
    loading: 'Loading your email preferences…',
    alwaysSent: 'Always sent: Minopa needs these to run your account.',
    unsubscribed: 'You unsubscribed from these with a link in an email. Tick the box to receive them again.',
    saved: 'Saved.',
  },
  de: {
    title: 'E-Mail-Einstellungen',
    intro: 'Wählen Sie, welche E-Mails Minopa Ihnen sendet. Eine Änderung gilt sofort, auch für E-Mails, die schon unterwegs sind.',
    loading: 'Ihre E-Mail-Einstellungen werden geladen…',
    alwaysSent: 'Werden immer gesendet: Minopa braucht sie für Ihr Konto.',
    unsubscribed: 'Sie haben sich über einen Link in einer E-Mail davon abgemeldet. Setzen Sie das Häkchen, um sie wieder zu erhalten.',
    saved: 'Gespeichert.',
  },
});

/**
 * Settings → Email preferences (P10, P11): one switch per kind of email, saved as soon as it changes.
 * Account, security and invitation emails are shown ticked and cannot be turned off; one unsubscribed
 * by link can be turned back on here. The boxes show the service's answer, never a guess.
 */
export function EmailPreferencesPanel() {
  useLocale();
  const [preferences, setPreferences] = useState<EmailPreferences | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [savedKind, setSavedKind] = useState<string | null>(null);
  useEffect(() => {
    sendMessage('getEmailPreferences').then(setPreferences, (error: unknown) => setLoadError(toUiError(error).message));
  }, []);
  const save = useAction(async (kind: string, enabled: boolean) => {
    setSavedKind(null);
    setPreferences(await sendMessage('updateEmailPreferences', { kinds: { [kind]: enabled } }));
    setSavedKind(kind);
  });

  return (
    <section className="card" id="email-preferences" aria-labelledby="email-preferences-title" data-testid="email-preferences-panel">
      <h2 id="email-preferences-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <FormError message={loadError ?? save.error?.message ?? null} />
      {!preferences && !loadError && <p className="small muted">{t('loading')}</p>}
      {preferences && (
        <fieldset className="consent-categories">
          <legend className="visually-hidden">{t('title')}</legend>
          {preferences.kinds.map((kind) => (
            <label className="consent-category" key={kind.kind}>
              <input
                type="checkbox"
                checked={kind.enabled}
                disabled={save.pending || (!kind.changeable && kind.enabled)}
                onChange={(event) => void save.run(kind.kind, event.target.checked)}
                data-testid={`email-kind-${kind.kind}`}
              />{' '}
              <strong>{kind.label}</strong>
              {!kind.changeable && <span className="small muted">{kind.enabled ? t('alwaysSent') : t('unsubscribed')}</span>}
              {savedKind === kind.kind && (
                <span className="small notice-success" role="status" data-testid="email-preferences-saved">
                  {t('saved')}
                </span>
              )}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
