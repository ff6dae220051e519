import { useCallback, useEffect, useState } from 'react';
import type { DriveAccess, Integration } from '#shared/api/integrations.js';
import { formatNumber } from '#shared/i18n.js';
import type { ImportProvider } from '#shared/imports/source-url.js';
import { Button } from '../../../components/Button.js';
import { FormError } from '../../../components/FormError.js';
import { useAction } from '../../../hooks/useAction.js';
import { toUiError, type UiError } from '../../../lib/errors.js';
import { defineMessages } from '../../../lib/i18n/index.js';
import { useLocale } from '../../../lib/i18n/react.js';
import { sendMessage } from '../../../lib/messaging/protocol.js';
import { ConfirmButton } from '../members/ConfirmButton.js';

const t = defineMessages({
  en: {
    title: 'Connections',
    intro: 'Connect your own Canva and Google Drive to import designs and files into a workspace.',
    loading: 'Loading…',
    sandbox: 'sandbox',
    notConnected: 'Not connected',
    connected: 'Connected as {who}',
    storage: '{used} GB of {limit} GB used',
    onlyPicked: 'Only files you pick',
    allFiles: 'All your Drive files (read only)',
    reconnectNeeded: 'Needs reconnecting: {reason}',
    noReason: 'the service no longer accepts the connection.',
    unavailable: 'Not available on this Minopa service.',
    connect: 'Connect',
    reconnect: 'Reconnect',
    disconnect: 'Disconnect',
    disconnectQuestion: 'Disconnect {name}? Minopa’s access is revoked at {name}.',
    disconnectConfirm: 'Yes, disconnect',
    driveAccess: 'What Minopa may read in your Drive',
    driveFile: 'Only files I pick (recommended)',
    driveReadonly: 'All my Drive files',
    opened: '{name} opened in a new tab. Finish there, then come back here.',
    openedSandbox: '{name} opened in a new tab (sandbox). Finish there, then come back here.',
    disconnected: '{name} is disconnected and Minopa’s access was revoked.',
    notRevoked: '{name} is disconnected here, but {name} could not be told. To be sure, remove Minopa from the apps connected to your {name} account.',
  },
  de: {
    title: 'Verbindungen',
    intro: 'Verbinden Sie Ihr eigenes Canva und Google Drive, um Designs und Dateien in einen Arbeitsbereich zu importieren.',
    loading: 'Wird geladen…',
    sandbox: 'Sandbox',
    notConnected: 'Nicht verbunden',
    connected: 'Verbunden als {who}',
    storage: '{used} GB von {limit} GB belegt',
    onlyPicked: 'Nur ausgewählte Dateien',
    allFiles: 'Alle Ihre Drive-Dateien (nur lesen)',
    reconnectNeeded: 'Muss neu verbunden werden: {reason}',
    noReason: 'Der Dienst akzeptiert die Verbindung nicht mehr.',
    unavailable: 'Auf diesem Minopa-Dienst nicht verfügbar.',
    connect: 'Verbinden',
    reconnect: 'Neu verbinden',
    disconnect: 'Trennen',
    disconnectQuestion: '{name} trennen? Minopas Zugriff wird bei {name} widerrufen.',
    disconnectConfirm: 'Ja, trennen',
    driveAccess: 'Was Minopa in Ihrem Drive lesen darf',
    driveFile: 'Nur Dateien, die ich auswähle (empfohlen)',
    driveReadonly: 'Alle meine Drive-Dateien',
    opened: '{name} wurde in einem neuen Tab geöffnet. Schließen Sie den Vorgang dort ab und kehren Sie dann hierher zurück.',
    openedSandbox: '{name} wurde in einem neuen Tab geöffnet (Sandbox). Schließen Sie den Vorgang dort ab und kehren Sie dann hierher zurück.',
    disconnected: '{name} ist getrennt, und Minopas Zugriff wurde widerrufen.',
    notRevoked: '{name} ist hier getrennt, aber {name} konnte nicht benachrichtigt werden. Entfernen Sie zur Sicherheit Minopa aus den mit Ihrem {name}-Konto verbundenen Apps.',
  },
});

/**
 * The person's own Canva and Google Drive (not a workspace's): status, who is connected, Connect (in a
 * tab at the vendor; Drive asks whether Minopa may read only picked files or all of them), Disconnect
 * with confirmation (revoked at the vendor), Reconnect when the vendor stopped accepting the connection.
 * The panel reloads when the person comes back to this page.
 */
export function ConnectionsPanel() {
  useLocale();
  const [items, setItems] = useState<Integration[] | null>(null);
  const [loadError, setLoadError] = useState<UiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems(await sendMessage('getIntegrations'));
      setLoadError(null);
    } catch (error) {
      setLoadError(toUiError(error));
    }
  }, []);
  useEffect(() => {
    void load();
    // Back from the vendor's tab: show what was connected.
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [load]);

  const connect = useAction(async (item: Integration, access?: DriveAccess) => {
    const started = await sendMessage('connectIntegration', { provider: item.provider, access });
    setNotice(t(started.sandbox ? 'openedSandbox' : 'opened', { name: item.name }));
  });
  const disconnect = useAction(async (item: Integration) => {
    const result = await sendMessage('disconnectIntegration', { provider: item.provider });
    setItems(result.integrations);
    setNotice(t(result.revoked ? 'disconnected' : 'notRevoked', { name: item.name }));
  });

  return (
    <section className="card" id="connections" aria-labelledby="connections-title" data-testid="connections-panel">
      <h2 id="connections-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <FormError message={loadError?.message ?? connect.error?.message ?? disconnect.error?.message ?? null} testId="connections-error" />
      {!items && !loadError && <p className="muted">{t('loading')}</p>}
      {items && (
        <ul className="list" data-testid="connection-list">
          {items.map((item) => (
            <ConnectionRow
              key={item.provider}
              item={item}
              busy={connect.pending || disconnect.pending}
              onConnect={(access) => void connect.run(item, access)}
              onDisconnect={() => void disconnect.run(item)}
            />
          ))}
        </ul>
      )}
      {notice && (
        <p className="muted" role="status" data-testid="connections-notice">
          {notice}
        </p>
      )}
    </section>
  );
}

function ConnectionRow(props: { item: Integration; busy: boolean; onConnect: (access?: DriveAccess) => void; onDisconnect: () => void }) {
  const locale = useLocale();
  const { item, busy } = props;
  const [access, setAccess] = useState<DriveAccess>('file');
  const connection = item.connection;
  const who = connection ? [connection.displayName, connection.email].filter(Boolean).join(' · ') : '';
  const gb = (bytes: number) => formatNumber(bytes / 1024 ** 3, locale, { maximumFractionDigits: 1 });
  const isDrive = (provider: ImportProvider) => provider === 'google_drive';
  return (
    <li data-testid="connection" data-provider={item.provider} data-status={connection?.status ?? 'none'}>
      <span>
        <strong>{item.name}</strong>
        {item.sandbox && <span className="badge">{t('sandbox')}</span>}{' '}
        {!item.available ? (
          <span className="muted">{t('unavailable')}</span>
        ) : !connection ? (
          <span className="muted">{t('notConnected')}</span>
        ) : (
          <span data-testid="connection-who">{t('connected', { who })}</span>
        )}
        {connection && isDrive(item.provider) && (
          <span className="muted small">
            {' '}
            · {connection.access === 'readonly' ? t('allFiles') : t('onlyPicked')}
            {connection.storageLimit !== null && connection.storageUsage !== null && ` · ${t('storage', { used: gb(connection.storageUsage), limit: gb(connection.storageLimit) })}`}
          </span>
        )}
        {connection?.status === 'reconnect_needed' && (
          <span className="error" role="alert">
            {' '}
            {t('reconnectNeeded', { reason: t('noReason') })}
          </span>
        )}
      </span>
      {item.available && (!connection || connection.status === 'reconnect_needed') && isDrive(item.provider) && (
        <fieldset className="choice-row">
          <legend>{t('driveAccess')}</legend>
          <label>
            <input type="radio" name="drive-access" value="file" checked={access === 'file'} onChange={() => setAccess('file')} data-testid="drive-access-file" /> {t('driveFile')}
          </label>
          <label>
            <input type="radio" name="drive-access" value="readonly" checked={access === 'readonly'} onChange={() => setAccess('readonly')} data-testid="drive-access-readonly" /> {t('driveReadonly')}
          </label>
        </fieldset>
      )}
      <span className="button-row">
        {item.available && (!connection || connection.status === 'reconnect_needed') && (
          <Button variant={connection ? 'primary' : 'secondary'} disabled={busy} onClick={() => props.onConnect(isDrive(item.provider) ? access : undefined)} data-testid={`connect-${item.provider}`}>
            {connection ? t('reconnect') : t('connect')}
          </Button>
        )}
        {connection && (
          <ConfirmButton
            label={t('disconnect')}
            question={t('disconnectQuestion', { name: item.name })}
            confirmLabel={t('disconnectConfirm')}
            pending={busy}
            onConfirm={props.onDisconnect}
            testId={`disconnect-${item.provider}`}
          />
        )}
      </span>
    </li>
  );
}
