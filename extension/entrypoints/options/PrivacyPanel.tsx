import { useEffect, useState } from 'react';
import type { CurrentLegalDocuments } from '#shared/api/legal.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { EmailPreferencesPanel } from './EmailPreferencesPanel.js';

const t = defineMessages({
  en: {
    title: 'Email and privacy',
    emails: 'Every email Minopa sends has an unsubscribe link that works at once, without signing in. Emails about your account and its security are always sent.',
    privacy: 'Privacy Policy',
    terms: 'Terms of Service',
    version: '(version {version})',
  },
  de: {
    title: 'E-Mail und Datenschutz',
    emails: 'Jede E-Mail von Minopa enthält einen Abmeldelink, der sofort und ohne Anmeldung wirkt. E-Mails zu Ihrem Konto und seiner Sicherheit werden immer gesendet.',
    privacy: 'Datenschutzerklärung',
    terms: 'Nutzungsbedingungen',
    version: '(Version {version})',
  },
});

/**
 * Where email preferences and privacy live in the options page: the documents that apply, how email
 * choices work, and Settings → Email preferences (one switch per kind of email).
 */
export function PrivacyPanel() {
  useLocale();
  const [documents, setDocuments] = useState<CurrentLegalDocuments | null>(null);
  useEffect(() => {
    sendMessage('getLegalDocuments').then(setDocuments, () => setDocuments(null));
  }, []);
  return (
    <>
      <section className="card" id="privacy" aria-labelledby="privacy-title" data-testid="privacy-panel">
        <h2 id="privacy-title">{t('title')}</h2>
        <p>{t('emails')}</p>
        {documents && (
          <p>
            <a href={documents.privacy.url} target="_blank" rel="noreferrer">
              {t('privacy')}
            </a>{' '}
            {t('version', { version: documents.privacy.version })} ·{' '}
            <a href={documents.terms.url} target="_blank" rel="noreferrer">
              {t('terms')}
            </a>{' '}
            {t('version', { version: documents.terms.version })}
          </p>
        )}
      </section>
      <EmailPreferencesPanel />
    </>
  );
}
