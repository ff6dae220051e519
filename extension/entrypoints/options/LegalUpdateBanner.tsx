import { useCallback, useEffect, useState } from 'react';
import type { LegalStanding } from '#shared/api/legal.js';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages, formatDate } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: {
    title: 'Our Terms or Privacy Policy changed',
    intro: 'Please read what changed and accept the current versions. Until then you can read, capture and export, but not publish or invite.',
    changed: '{title}, version {version} of {date}',
    read: 'Read it',
    accept: 'I have read and accept them',
    accepting: 'Saving…',
    accepted: 'Thank you. Your acceptance was recorded.',
  },
  de: {
    title: 'Unsere Nutzungsbedingungen oder Datenschutzerklärung haben sich geändert',
    intro: 'Bitte lesen Sie die Änderungen und akzeptieren Sie die aktuellen Fassungen. Bis dahin können Sie lesen, erfassen und exportieren, aber nicht veröffentlichen oder einladen.',
    changed: '{title}, Version {version} vom {date}',
    read: 'Lesen',
    accept: 'Ich habe sie gelesen und akzeptiere sie',
    accepting: 'Wird gespeichert…',
    accepted: 'Danke. Ihre Zustimmung wurde gespeichert.',
  },
});

/**
 * Asks the signed-in person to accept a material change to the Terms or Privacy Policy (P12), showing
 * what changed with a link to each new text. Nothing when nothing waits.
 */
export function LegalUpdateBanner({ userId }: { userId: string }) {
  useLocale();
  const [standing, setStanding] = useState<LegalStanding | null>(null);
  const [done, setDone] = useState(false);
  const load = useAction(useCallback(async () => setStanding(await sendMessage('getLegalStanding')), []));
  const accept = useAction(async (current: LegalStanding) => {
    setStanding(await sendMessage('acceptLegalDocuments', { terms: current.terms.version, privacy: current.privacy.version }));
    setDone(true);
  });
  const { run } = load;
  useEffect(() => void run(), [run, userId]);
  if (done) return <p className="notice-success" role="status" data-testid="legal-accepted">{t('accepted')}</p>;
  if (!standing?.acceptanceDue) return null;
  const changed = [standing.terms, standing.privacy].filter((document) => document.acceptedAt === null);
  return (
    <section className="notice" role="alert" aria-labelledby="legal-update-title" data-testid="legal-update-banner">
      <h2 id="legal-update-title" className="small">{t('title')}</h2>
      <p>{t('intro')}</p>
      <ul className="list">
        {changed.map((document) => (
          <li key={document.kind}>
            <strong>{t('changed', { title: document.title, version: document.version, date: formatDate(`${document.lastUpdated}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }) })}</strong>
            {document.changes && <p className="small">{document.changes}</p>}
            <a href={document.url} target="_blank" rel="noreferrer">
              {t('read')}
            </a>
          </li>
        ))}
      </ul>
      <FormError message={(load.error ?? accept.error)?.message ?? null} />
      <div className="actions">
        <Button pending={accept.pending} pendingLabel={t('accepting')} onClick={() => void accept.run(standing)} data-testid="legal-accept">
          {t('accept')}
        </Button>
      </div>
    </section>
  );
}
