import type { ConnectedAccount } from '#shared/api/accounts.js';
import { PLATFORM_NAMES } from '#shared/platforms.js';

/** The workspace's active channels as checkboxes, each with its avatar, network and name. */
export function ChannelPicker({ accounts, selected, onChange }: { accounts: ConnectedAccount[]; selected: string[]; onChange: (ids: string[]) => void }) {
  const usable = accounts.filter((account) => account.status === 'active');
  if (usable.length === 0) return <p className="muted" data-testid="no-channels">No channels connected yet: connect one in Minopa settings to publish from here.</p>;
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((other) => other !== id));
  return (
    <fieldset className="channels" data-testid="channels">
      <legend>Channels</legend>
      {usable.map((account) => (
        <label key={account.id} className="channel">
          <input type="checkbox" checked={selected.includes(account.id)} onChange={(event) => toggle(account.id, event.target.checked)} data-testid={`channel-${account.platform}`} />
          {account.avatarUrl && <img src={account.avatarUrl} alt="" width={20} height={20} />}
          <span>
            {PLATFORM_NAMES[account.platform]} · {account.username ? `@${account.username}` : account.name}
            {account.sandbox && <span className="badge">sandbox</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
