import type { CalendarTarget } from '#shared/api/calendar.js';
import { PLATFORM_NAMES } from '#shared/platforms.js';

/** A channel's picture, or its initial on a coloured disc when the network gave none. */
export function AccountAvatar({ name, avatarUrl, size = 20 }: { name: string; avatarUrl: string | null; size?: number }) {
  if (avatarUrl) return <img className="avatar" src={avatarUrl} alt="" width={size} height={size} />;
  return (
    // The initial is drawn by CSS (attr), so it never becomes part of a label's text.
    <span className="avatar avatar-empty" style={{ width: size, height: size, fontSize: size * 0.55 }} data-initial={name.trim().charAt(0).toUpperCase() || '?'} aria-hidden="true" />
  );
}

/** Who a target goes to: "X · @ada". */
export function channelLabel(target: Pick<CalendarTarget, 'platform' | 'account'>): string {
  return `${PLATFORM_NAMES[target.platform]} · ${target.account.username ? `@${target.account.username}` : target.account.name}`;
}

/** The channels of a post, each with its avatar, network and name. */
export function ChannelList({ targets }: { targets: Pick<CalendarTarget, 'id' | 'platform' | 'account'>[] }) {
  return (
    <ul className="channel-list">
      {targets.map((target) => (
        <li key={target.id}>
          <AccountAvatar name={target.account.name} avatarUrl={target.account.avatarUrl} />
          <span>{channelLabel(target)}</span>
        </li>
      ))}
    </ul>
  );
}
