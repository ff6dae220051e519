import { useCallback, useEffect, useState } from 'react';
import type { ConnectedAccount } from '#shared/api/accounts.js';
import { PLATFORM_NAMES, type PlatformId } from '#shared/platforms.js';
import { roleAllows } from '#shared/roles.js';
import { Button } from '../../../components/Button.js';
import { FormError } from '../../../components/FormError.js';
import { useAction } from '../../../hooks/useAction.js';
import { toUiError, type UiError } from '../../../lib/errors.js';
import { defineMessages } from '../../../lib/i18n/index.js';
import { useLocale } from '../../../lib/i18n/react.js';
import { sendMessage, type ChannelsPanelData, type ExtensionState } from '../../../lib/messaging/protocol.js';

const t = defineMessages({
  en: {
    title: 'Channels',
    titleOf: 'Channels of {workspace}',
    loading: 'Loading…',
    none: 'No channels yet.',
    connectBelow: 'Connect one below.',
    askAdmin: 'Ask an owner or admin to connect one.',
    connect: 'Connect a channel',
    sandbox: 'sandbox',
    withSandbox: '{network} (sandbox)',
    opened: '{network} opened in a new tab. Finish there, then come back here.',
    openedSandbox: '{network} opened in a new tab (sandbox). Finish there, then come back here.',
    reconnect: 'Needs reconnecting: {reason} Connect it again below.',
    noReason: 'the network no longer accepts the connection.',
    disconnect: 'Disconnect',
  },
  de: {
    title: 'Kanäle',
    titleOf: 'Kanäle von {workspace}',
    loading: 'Wird geladen…',
    none: 'Noch keine Kanäle.',
    connectBelow: 'Verbinden Sie unten einen.',
    askAdmin: 'Bitten Sie einen Eigentümer oder Admin, einen zu verbinden.',
    connect: 'Kanal verbinden',
    sandbox: 'Sandbox',
    withSandbox: '{network} (Sandbox)',
    opened: '{network} wurde in einem neuen Tab geöffnet. Schließen Sie den Vorgang dort ab und kehren Sie dann hierher zurück.',
    openedSandbox: '{network} wurde in einem neuen Tab geöffnet (Sandbox). Schließen Sie den Vorgang dort ab und kehren Sie dann hierher zurück.',
    reconnect: 'Muss neu verbunden werden: {reason} Verbinden Sie den Kanal unten erneut.',
    noReason: 'Das Netzwerk akzeptiert die Verbindung nicht mehr.',
    disconnect: 'Trennen',
  },
});

/**
 * The accounts the default workspace publishes to: each with its status (and what to do when it needs
 * reconnecting), Disconnect for owners and admins, and a Connect button per network. Connecting
 * happens in a tab at the network; the panel reloads when the person comes back to this page.
 */
export function ChannelsPanel({ state }: { state: ExtensionState }) {
  useLocale();
  const workspaceId = state.defaultWorkspaceId;
  const workspace = state.workspaces.find((candidate) => candidate.id === workspaceId);
  const manages = workspace ? roleAllows(workspace.role, 'admin') : false;
  const [data, setData] = useState<ChannelsPanelData | null>(null);
  const [loadError, setLoadError] = useState<UiError | null>(null);
  const [opened, setOpened] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!workspaceId) return;
    try {
      setData(await sendMessage('getChannels', { workspaceId }));
      setLoadError(null);
    } catch (error) {
      setLoadError(toUiError(error));
    }
  }, [workspaceId]);
  useEffect(() => {
    setData(null);
    void load();
    // Back from the network's tab: show what was connected.
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [load]);

  const connect = useAction(async (platform: PlatformId) => {
    const started = await sendMessage('connectChannel', { workspaceId: workspaceId!, platform });
    setOpened(t(started.sandbox ? 'openedSandbox' : 'opened', { network: PLATFORM_NAMES[platform] }));
  });
  const disconnect = useAction(async (accountId: string) => setData(await sendMessage('disconnectChannel', { workspaceId: workspaceId!, accountId })));

  if (!state.user || !workspaceId) return null;
  return (
    <section className="card" aria-labelledby="channels-title" data-testid="channels-panel">
      <h2 id="channels-title">{workspace ? t('titleOf', { workspace: workspace.name }) : t('title')}</h2>
      <FormError message={loadError?.message ?? connect.error?.message ?? disconnect.error?.message ?? null} testId="channels-error" />
      {!data && !loadError && <p className="muted">{t('loading')}</p>}
      {data && (
        <>
          {data.accounts.length === 0 ? (
            <p className="muted">{t('none')} {manages ? t('connectBelow') : t('askAdmin')}</p>
          ) : (
            <ul className="list" data-testid="channel-list">
              {data.accounts.map((account) => (
                <ChannelRow key={account.id} account={account} manages={manages} busy={disconnect.pending} onDisconnect={() => void disconnect.run(account.id)} />
              ))}
            </ul>
          )}
          {manages && (
            <>
              <h3>{t('connect')}</h3>
              <div className="button-row" data-testid="connect-buttons">
                {data.networks
                  .filter((network) => network.available)
                  .map((network) => (
                    <Button key={network.id} variant="secondary" disabled={connect.pending} onClick={() => void connect.run(network.id)} data-testid={`connect-${network.id}`}>
                      {network.sandbox ? t('withSandbox', { network: network.name }) : network.name}
                    </Button>
                  ))}
              </div>
              {opened && (
                <p className="muted" role="status">
                  {opened}
                </p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

function ChannelRow({ account, manages, busy, onDisconnect }: { account: ConnectedAccount; manages: boolean; busy: boolean; onDisconnect: () => void }) {
  useLocale();
  const who = account.username ? `@${account.username}` : account.name;
  return (
    <li data-testid="channel" data-platform={account.platform}>
      {account.avatarUrl && <img className="avatar" src={account.avatarUrl} alt="" width={28} height={28} />}
      <span>
        <strong>{PLATFORM_NAMES[account.platform]}</strong> {account.name} {account.username && <span className="muted">{who}</span>}
        {account.sandbox && <span className="badge">{t('sandbox')}</span>}
        {account.status === 'reconnect_needed' && (
          <span className="error" role="alert">
            {' '}
            {t('reconnect', { reason: account.statusReason ?? t('noReason') })}
          </span>
        )}
      </span>
      {manages && (
        <Button variant="secondary" disabled={busy} onClick={onDisconnect} data-testid="disconnect-channel">
          {t('disconnect')}
        </Button>
      )}
    </li>
  );
}
