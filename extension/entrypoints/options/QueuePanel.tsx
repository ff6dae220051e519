import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages, formatDate } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type ExtensionState } from '../../lib/messaging/protocol.js';

interface QueuePanelProps {
  state: ExtensionState;
  onState: (state: ExtensionState) => void;
  onFlushed: () => void;
}

const t = defineMessages({
  en: {
    title: 'Captures',
    waiting: { one: '{count} capture is waiting to be sent to the service. Minopa keeps trying on its own.', other: '{count} captures are waiting to be sent to the service. Minopa keeps trying on its own.' },
    sending: 'Sending…',
    sendNow: 'Send now',
    notSaved: 'Not saved',
    clear: 'Clear this list',
  },
  de: {
    title: 'Erfassungen',
    waiting: { one: '{count} Erfassung wartet darauf, an den Dienst gesendet zu werden. Minopa versucht es selbstständig weiter.', other: '{count} Erfassungen warten darauf, an den Dienst gesendet zu werden. Minopa versucht es selbstständig weiter.' },
    sending: 'Wird gesendet…',
    sendNow: 'Jetzt senden',
    notSaved: 'Nicht gespeichert',
    clear: 'Liste leeren',
  },
});

/** Captures waiting for the service (with "Send now"), and captures the service refused. */
export function QueuePanel({ state, onState, onFlushed }: QueuePanelProps) {
  useLocale();
  const flush = useAction(async () => {
    const result = await sendMessage('flushOfflineQueue');
    onFlushed();
    return result;
  });
  const clear = useAction(async () => onState(await sendMessage('clearRejectedCaptures')));
  if (state.queuedCount === 0 && state.rejected.length === 0) return null;

  return (
    <section className="card" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('title')}</h2>
      {state.queuedCount > 0 && (
        <>
          <p data-testid="queue-count">
            {t('waiting', { count: state.queuedCount })}
          </p>
          <div className="actions">
            <Button variant="secondary" pending={flush.pending} pendingLabel={t('sending')} onClick={() => void flush.run()} data-testid="flush-queue">
              {t('sendNow')}
            </Button>
          </div>
          <FormError message={flush.error?.message ?? null} />
        </>
      )}
      {state.rejected.length > 0 && (
        <>
          <h3>{t('notSaved')}</h3>
          <ul className="list" data-testid="rejected-list">
            {state.rejected.map((entry) => (
              <li key={entry.clientId}>
                <strong>{entry.title ?? entry.url}</strong>
                <p className="small">{entry.message}</p>
                <p className="small muted">{formatDate(entry.rejectedAt, { dateStyle: 'medium', timeStyle: 'short' })}</p>
              </li>
            ))}
          </ul>
          <Button variant="secondary" pending={clear.pending} onClick={() => void clear.run()} data-testid="clear-rejected">
            {t('clear')}
          </Button>
          <FormError message={clear.error?.message ?? null} />
        </>
      )}
    </section>
  );
}
