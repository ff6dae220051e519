import { useCallback, useEffect, useState } from 'react';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { sendMessage, type SessionView } from '../../lib/messaging/protocol.js';

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Chrome 126 on macOS", or what is known of the device. */
function deviceName(session: SessionView): string {
  const parts = [session.browser, session.os].filter(Boolean);
  if (parts.length === 2) return `${parts[0]} on ${parts[1]}`;
  return parts[0] ?? 'Unknown device';
}

/** Where the person is signed in, with the device and last use; sign one out, or every other one. */
export function SessionsPanel({ userId }: { userId: string }) {
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useAction(useCallback(async () => setSessions(await sendMessage('listSessions')), []));
  const revoke = useAction(async (sessionId: string) => setSessions(await sendMessage('revokeSession', { sessionId })));
  const revokeOthers = useAction(async () => {
    const result = await sendMessage('revokeOtherSessions');
    setSessions(result.sessions);
    setNotice(result.revoked === 1 ? '1 other session was signed out.' : `${result.revoked} other sessions were signed out.`);
  });
  const { run } = load;
  useEffect(() => void run(), [run, userId]);
  const error = load.error ?? revoke.error ?? revokeOthers.error;
  const others = sessions?.filter((session) => !session.current) ?? [];

  return (
    <section className="card" aria-labelledby="sessions-title" data-testid="sessions-panel">
      <h2 id="sessions-title">Where you are signed in</h2>
      <FormError message={error?.message ?? null} />
      {notice && <p className="notice-success" role="status" data-testid="sessions-notice">{notice}</p>}
      {sessions === null ? (
        <p className="muted">{load.pending ? 'Loading…' : ''}</p>
      ) : (
        <ul className="list" data-testid="sessions-list">
          {sessions.map((session) => (
            <li key={session.id} data-testid="session">
              <strong>{deviceName(session)}</strong>
              {session.current && <span className="small"> · This device</span>}
              <div className="small muted">
                {session.client ? `${session.client} · ` : ''}Last used {WHEN.format(new Date(session.lastUsedAt))}
              </div>
              {!session.current && (
                <Button variant="link" disabled={revoke.pending} onClick={() => void revoke.run(session.id)} aria-label={`Sign out ${deviceName(session)}`}>
                  Sign out
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <div className="actions">
          <Button variant="secondary" pending={revokeOthers.pending} pendingLabel="Signing out…" onClick={() => void revokeOthers.run()} data-testid="revoke-others">
            Sign out all other sessions
          </Button>
        </div>
      )}
    </section>
  );
}
