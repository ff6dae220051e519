import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { sendMessage, type ExtensionState } from '../../lib/messaging/protocol.js';

interface QueuePanelProps {
  state: ExtensionState;
  onState: (state: ExtensionState) => void;
  onFlushed: () => void;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Captures waiting for the service (with "Send now"), and captures the service refused. */
export function QueuePanel({ state, onState, onFlushed }: QueuePanelProps) {
  const flush = useAction(async () => {
    const result = await sendMessage('flushOfflineQueue');
    onFlushed();
    return result;
  });
  const clear = useAction(async () => onState(await sendMessage('clearRejectedCaptures')));
  if (state.queuedCount === 0 && state.rejected.length === 0) return null;

  return (
    <section className="card" aria-labelledby="queue-title">
      <h2 id="queue-title">Captures</h2>
      {state.queuedCount > 0 && (
        <>
          <p data-testid="queue-count">
            {plural(state.queuedCount, 'capture')} {state.queuedCount === 1 ? 'is' : 'are'} waiting to be sent to the
            service. Minopa keeps trying on its own.
          </p>
          <div className="actions">
            <Button variant="secondary" pending={flush.pending} pendingLabel="Sending…" onClick={() => void flush.run()} data-testid="flush-queue">
              Send now
            </Button>
          </div>
          <FormError message={flush.error?.message ?? null} />
        </>
      )}
      {state.rejected.length > 0 && (
        <>
          <h3>Not saved</h3>
          <ul className="list" data-testid="rejected-list">
            {state.rejected.map((entry) => (
              <li key={entry.clientId}>
                <strong>{entry.title ?? entry.url}</strong>
                <p className="small">{entry.message}</p>
                <p className="small muted">{new Date(entry.rejectedAt).toLocaleString()}</p>
              </li>
            ))}
          </ul>
          <Button variant="secondary" pending={clear.pending} onClick={() => void clear.run()} data-testid="clear-rejected">
            Clear this list
          </Button>
          <FormError message={clear.error?.message ?? null} />
        </>
      )}
    </section>
  );
}
