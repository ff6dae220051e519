import { useState } from 'react';
import { PLATFORM_NAMES } from '#shared/platforms.js';
import type { ChannelCheck } from '../../lib/composer-rules.js';
import { defineMessages, formatNumber } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import type { CachedChannel } from '../../lib/popup-types.js';

const t = defineMessages({
  en: {
    legend: 'Channels',
    none: 'No channels connected yet: connect one in Minopa settings to publish from here.',
    loading: 'Loading channels…',
    sandbox: 'sandbox',
    reconnect: 'needs reconnecting in Minopa settings',
    counter: '{length} of {max} {unit}',
    left: '{count} left',
    over: '{count} over',
    characters: 'characters',
    bytes: 'bytes',
  },
  de: {
    legend: 'Kanäle',
    none: 'Noch keine Kanäle verbunden: Verbinden Sie einen in den Minopa-Einstellungen, um von hier aus zu veröffentlichen.',
    loading: 'Kanäle werden geladen…',
    sandbox: 'Sandbox',
    reconnect: 'muss in den Minopa-Einstellungen neu verbunden werden',
    counter: '{length} von {max} {unit}',
    left: 'noch {count}',
    over: '{count} zu viel',
    characters: 'Zeichen',
    bytes: 'Bytes',
  },
});

/** "characters" / "bytes" (how a network counts, shared/publishing) in the chosen language. */
export function unitText(unit: string): string {
  return unit === 'bytes' ? t('bytes') : t('characters');
}

function counterLabel(check: ChannelCheck): string {
  return t('counter', { length: formatNumber(check.length), max: formatNumber(check.max), unit: unitText(check.unit) });
}

function remaining(check: ChannelCheck): string {
  return check.length > check.max ? t('over', { count: check.length - check.max }) : t('left', { count: check.max - check.length });
}

/** "X · @ada" — how a channel is named everywhere in the popup. */
export function channelName(channel: CachedChannel): string {
  return `${PLATFORM_NAMES[channel.platform]} · ${channel.username ? `@${channel.username}` : channel.name}`;
}

/** The account's avatar, or its initial when there is none or the signed address has expired. */
export function ChannelAvatar({ channel }: { channel: CachedChannel }) {
  const [broken, setBroken] = useState(false);
  if (!channel.avatarUrl || broken) {
    return <span className="avatar avatar-initial" aria-hidden="true">{(channel.name || PLATFORM_NAMES[channel.platform]).charAt(0).toUpperCase()}</span>;
  }
  return <img className="avatar" src={channel.avatarUrl} alt="" width={22} height={22} onError={() => setBroken(true)} />;
}

interface ChannelPickerProps {
  /** Null while the channels have never been read on this browser. */
  channels: CachedChannel[] | null;
  selected: string[];
  onChange: (ids: string[]) => void;
  /** Counters of the selected channels. */
  checks: Record<string, ChannelCheck>;
}

/** The workspace's channels as checkboxes, each with its avatar, network, name and (when chosen) its counter. */
export function ChannelPicker({ channels, selected, onChange, checks }: ChannelPickerProps) {
  useLocale();
  if (channels === null) return <p className="muted" data-testid="channels-loading">{t('loading')}</p>;
  if (channels.length === 0) return <p className="muted" data-testid="no-channels">{t('none')}</p>;
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((other) => other !== id));
  return (
    <fieldset className="channels" data-testid="channels">
      <legend>{t('legend')}</legend>
      {channels.map((channel) => {
        const active = channel.status === 'active';
        const check = checks[channel.id];
        const over = check ? check.length > check.max : false;
        return (
          <label key={channel.id} className={`channel${active ? '' : ' channel-inactive'}`}>
            <input
              type="checkbox"
              checked={selected.includes(channel.id)}
              disabled={!active}
              onChange={(event) => toggle(channel.id, event.target.checked)}
              data-testid={`channel-${channel.platform}`}
            />
            <ChannelAvatar channel={channel} />
            <span className="channel-name">
              {channelName(channel)}
              {channel.sandbox && <span className="badge">{t('sandbox')}</span>}
              {!active && <span className="hint"> — {t('reconnect')}</span>}
            </span>
            {check && (
              <span className={`counter${over ? ' counter-over' : ''}`} data-testid={`counter-${channel.platform}`} aria-label={counterLabel(check)}>
                {remaining(check)}
              </span>
            )}
          </label>
        );
      })}
    </fieldset>
  );
}
