import { useCallback, useEffect, useState } from 'react';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages, formatDate } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type SessionView } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: {
    title: 'Where you are signed in',
    device: '{browser} on {os}',
    unknownDevice: 'Unknown device',
    revoked: { one: '{count} other session was signed out.', other: '{count} other sessions were signed out.' },
    loading: 'Loading…',
    thisDevice: 'This device',
    lastUsed: 'Last used {when}',
    signOutDevice: 'Sign out {device}',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    signOutOthers: 'Sign out all other sessions',
  },
  de: {
    title: 'Wo Sie angemeldet sind',
    device: '{browser} unter {os}',
    unknownDevice: 'Unbekanntes Gerät',
    revoked: { one: '{count} andere Sitzung wurde abgemeldet.', other: '{count} andere Sitzungen wurden abgemeldet.' },
    loading: 'Wird geladen…',
    thisDevice: 'Dieses Gerät',
    lastUsed: 'Zuletzt verwendet am {when}',
    signOutDevice: '{device} abmelden',
    signOut: 'Abmelden',
    signingOut: 'Wird abgemeldet…',
    signOutOthers: 'Alle anderen Sitzungen abmelden',
  },
});

/** "Chrome 126 on macOS", or what is known of the device. */
function deviceName(session: SessionView): string {
  const parts = [session.browser, session.os].filter(Boolean);
  if (parts.length === 2) return t('device', { browser: parts[0]!, os: parts[1]! });
  return parts[0] ?? t('unknownDevice');
}

/** Where the person is signed in, with the device and last use; sign one out, or every other one. */
export function SessionsPanel({ userId }: { userId: string }) {
  useLocale();
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useAction(useCallback(async () => setSessions(await sendMessage('listSessions')), []));
  const revoke = useAction(async (sessionId: string) => setSessions(await sendMessage('revokeSession', { sessionId })));
  const revokeOthers = useAction(async () => {
    const result = await sendMessage('revokeOtherSessions');
    setSessions(result.sessions);
    setNotice(t('revoked', { count: result.revoked }));
  });
  const { run } = load;
  useEffect(() => void run(), [run, userId]);
  const error = load.error ?? revoke.error ?? revokeOthers.error;
  const others = sessions?.filter((session) => !session.current) ?? [];

  return (
    <section className="card" aria-labelledby="sessions-title" data-testid="sessions-panel">
      <h2 id="sessions-title">{t('title')}</h2>
      <FormError message={error?.message ?? null} />
      {notice && <p className="notice-success" role="status" data-testid="sessions-notice">{notice}</p>}
      {sessions === null ? (
        <p className="muted">{load.pending ? t('loading') : ''}</p>
      ) : (
        <ul className="list" data-testid="sessions-list">
          {sessions.map((session) => (
            <li key={session.id} data-testid="session">
              <strong>{deviceName(session)}</strong>
              {session.current && <span className="small"> · {t('thisDevice')}</span>}
              <div className="small muted">
                {session.client ? `${session.client} · ` : ''}
                {t('lastUsed', { when: formatDate(session.lastUsedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
              </div>
              {!session.current && (
                <Button variant="link" disabled={revoke.pending} onClick={() => void revoke.run(session.id)} aria-label={t('signOutDevice', { device: deviceName(session) })}>
                  {t('signOut')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <div className="actions">
          <Button variant="secondary" pending={revokeOthers.pending} pendingLabel={t('signingOut')} onClick={() => void revokeOthers.run()} data-testid="revoke-others">
            {t('signOutOthers')}
          </Button>
        </div>
      )}
    </section>
  );
}
