import { useCallback, useEffect, useState } from 'react';
import { PRIVACY_REQUEST_KINDS, type PrivacyRequest, type PrivacyRights } from '#shared/api/rights.js';
import { Button } from '../../components/Button.js';
import { TextAreaField } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages, formatDate } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: {
    title: 'Your rights',
    intro: 'These take effect at once. Requests that need a person are answered within 30 days.',
    objectUsage: 'Object to usage statistics (none are kept, whatever your privacy choices say)',
    objectMarketing: 'Object to marketing (no newsletter, marketing or product-update emails)',
    restrict: 'Restrict processing of my data (both of the above, and we review what else to hold)',
    restrictedSince: 'Restricted since {date}.',
    ask: 'Ask us something about your data',
    kind: 'What you ask for',
    details: 'Details',
    send: 'Send request',
    sending: 'Sending…',
    sent: 'Sent. We answer by {date}.',
    requests: 'Your requests',
    due: 'answer due {date}',
    answered: 'answered {date}: {resolution}',
    restriction: 'Restriction',
    objection: 'Objection',
    access: 'A copy of my data',
    rectification: 'Correction',
    erasure: 'Deletion of something specific',
    portability: 'My data for another service',
    other: 'Something else',
  },
  de: {
    title: 'Ihre Rechte',
    intro: 'Das wirkt sofort. Anfragen, die ein Mensch bearbeiten muss, beantworten wir innerhalb von 30 Tagen.',
    objectUsage: 'Der Nutzungsstatistik widersprechen (es wird keine gespeichert, was auch immer Ihre Datenschutz-Einstellungen sagen)',
    objectMarketing: 'Dem Marketing widersprechen (kein Newsletter, keine Marketing- und Produkt-E-Mails)',
    restrict: 'Verarbeitung meiner Daten einschränken (beides oben, und wir prüfen, was sonst ruhen muss)',
    restrictedSince: 'Eingeschränkt seit {date}.',
    ask: 'Fragen Sie uns etwas zu Ihren Daten',
    kind: 'Worum Sie bitten',
    details: 'Einzelheiten',
    send: 'Anfrage senden',
    sending: 'Wird gesendet…',
    sent: 'Gesendet. Wir antworten bis zum {date}.',
    requests: 'Ihre Anfragen',
    due: 'Antwort fällig am {date}',
    answered: 'beantwortet am {date}: {resolution}',
    restriction: 'Einschränkung',
    objection: 'Widerspruch',
    access: 'Eine Kopie meiner Daten',
    rectification: 'Berichtigung',
    erasure: 'Löschung von etwas Bestimmtem',
    portability: 'Meine Daten für einen anderen Dienst',
    other: 'Etwas anderes',
  },
});

const day = (iso: string) => formatDate(iso, { dateStyle: 'long' });

/** Objection and restriction (P29) as switches that act at once, and requests to the operator with their deadline (P30). */
export function RightsPanel({ userId }: { userId: string }) {
  useLocale();
  const [rights, setRights] = useState<PrivacyRights | null>(null);
  const [kind, setKind] = useState<PrivacyRequest['kind']>('access');
  const [details, setDetails] = useState('');
  const [sent, setSent] = useState<PrivacyRequest | null>(null);
  const load = useAction(useCallback(async () => setRights(await sendMessage('getPrivacyRights')), []));
  const change = useAction(async (data: { objectToUsageStatistics?: boolean; objectToMarketing?: boolean; restrictProcessing?: boolean }) => setRights(await sendMessage('updatePrivacyRights', data)));
  const send = useAction(async () => {
    const request = await sendMessage('createPrivacyRequest', { kind, details });
    setSent(request);
    setDetails('');
    setRights(await sendMessage('getPrivacyRights'));
  });
  const { run } = load;
  useEffect(() => void run(), [run, userId]);
  const error = load.error ?? change.error ?? send.error;
  return (
    <section className="card" id="rights" aria-labelledby="rights-title" data-testid="rights-panel">
      <h2 id="rights-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <FormError message={error?.message ?? null} />
      {rights && (
        <fieldset className="consent-categories" disabled={change.pending}>
          <legend className="visually-hidden">{t('title')}</legend>
          <label className="consent-category">
            <input type="checkbox" checked={rights.objectsToUsageStatistics} onChange={(event) => void change.run({ objectToUsageStatistics: event.target.checked })} data-testid="object-usage" /> {t('objectUsage')}
          </label>
          <label className="consent-category">
            <input type="checkbox" checked={rights.objectsToMarketing} onChange={(event) => void change.run({ objectToMarketing: event.target.checked })} data-testid="object-marketing" /> {t('objectMarketing')}
          </label>
          <label className="consent-category">
            <input type="checkbox" checked={rights.restrictedAt !== null} onChange={(event) => void change.run({ restrictProcessing: event.target.checked })} data-testid="restrict-processing" /> {t('restrict')}
            {rights.restrictedAt && <span className="small muted">{t('restrictedSince', { date: day(rights.restrictedAt) })}</span>}
          </label>
        </fieldset>
      )}
      <h3 className="small">{t('ask')}</h3>
      <div className="field">
        <label htmlFor="request-kind">{t('kind')}</label>
        <select id="request-kind" value={kind} onChange={(event) => setKind(event.target.value as PrivacyRequest['kind'])} data-testid="request-kind">
          {PRIVACY_REQUEST_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(value)}
            </option>
          ))}
        </select>
      </div>
      <TextAreaField label={t('details')} value={details} maxLength={5000} onChange={(event) => setDetails(event.target.value)} data-testid="request-details" />
      <div className="actions">
        <Button pending={send.pending} pendingLabel={t('sending')} disabled={details.trim() === ''} onClick={() => void send.run()} data-testid="request-send">
          {t('send')}
        </Button>
      </div>
      {sent && <p className="notice-success" role="status" data-testid="request-sent">{t('sent', { date: day(sent.dueAt) })}</p>}
      {rights && rights.requests.length > 0 && (
        <>
          <h3 className="small">{t('requests')}</h3>
          <ul className="list" data-testid="request-list">
            {rights.requests.map((request) => (
              <li key={request.id}>
                <strong>{t(request.kind)}</strong> · <span className="small muted">{request.resolvedAt ? t('answered', { date: day(request.resolvedAt), resolution: request.resolution ?? '' }) : t('due', { date: day(request.dueAt) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
