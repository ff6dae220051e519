import { useCallback, useEffect, useState } from 'react';
import type { ConnectedAccount } from '#shared/api/accounts.js';
import { PLATFORM_NAMES, type PlatformId } from '#shared/platforms.js';
import { roleAllows } from '#shared/roles.js';
import { Button } from '../../../components/Button.js';
import { FormError } from '../../../components/FormError.js';
import { useAction } from '../../../hooks/useAction.js';
import { toUiError, type UiError } from '../../../lib/errors.js';
import { sendMessage, type ChannelsPanelData, type ExtensionState } from '../../../lib/messaging/protocol.js';

/**
 * The accounts the default workspace publishes to: each with its status (and what to do when it needs
 * reconnecting), Disconnect for owners and admins, and a Connect button per network. Connecting
 * happens in a tab at the network; the panel reloads when the person comes back to this page.
 */
export function ChannelsPanel({ state }: { state: ExtensionState }) {
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
    setOpened(`${PLATFORM_NAMES[platform]} opened in a new tab${started.sandbox ? ' (sandbox)' : ''}. Finish there, then come back here.`);
  });
  const disconnect = useAction(async (accountId: string) => setData(await sendMessage('disconnectChannel', { workspaceId: workspaceId!, accountId })));

  if (!state.user || !workspaceId) return null;
  return (
    <section className="card" aria-labelledby="channels-title" data-testid="channels-panel">
      <h2 id="channels-title">Channels{workspace ? ` of ${workspace.name}` : ''}</h2>
      <FormError message={loadError?.message ?? connect.error?.message ?? disconnect.error?.message ?? null} testId="channels-error" />
      {!data && !loadError && <p className="muted">Loading…</p>}
      {data && (
        <>
          {data.accounts.length === 0 ? (
            <p className="muted">No channels yet. {manages ? 'Connect one below.' : 'Ask an owner or admin to connect one.'}</p>
          ) : (
            <ul className="list" data-testid="channel-list">
              {data.accounts.map((account) => (
                <ChannelRow key={account.id} account={account} manages={manages} busy={disconnect.pending} onDisconnect={() => void disconnect.run(account.id)} />
              ))}
            </ul>
          )}
          {manages && (
            <>
              <h3>Connect a channel</h3>
              <div className="button-row" data-testid="connect-buttons">
                {data.networks
                  .filter((network) => network.available)
                  .map((network) => (
                    <Button key={network.id} variant="secondary" disabled={connect.pending} onClick={() => void connect.run(network.id)} data-testid={`connect-${network.id}`}>
                      {network.name}
                      {network.sandbox ? ' (sandbox)' : ''}
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
  const who = account.username ? `@${account.username}` : account.name;
  return (
    <li data-testid="channel" data-platform={account.platform}>
      {account.avatarUrl && <img className="avatar" src={account.avatarUrl} alt="" width={28} height={28} />}
      <span>
        <strong>{PLATFORM_NAMES[account.platform]}</strong> {account.name} {account.username && <span className="muted">{who}</span>}
        {account.sandbox && <span className="badge">sandbox</span>}
        {account.status === 'reconnect_needed' && (
          <span className="error" role="alert">
            {' '}
            Needs reconnecting: {account.statusReason ?? 'the network no longer accepts the connection.'} Connect it again below.
          </span>
        )}
      </span>
      {manages && (
        <Button variant="secondary" disabled={busy} onClick={onDisconnect} data-testid="disconnect-channel">
          Disconnect
        </Button>
      )}
    </li>
  );
}
