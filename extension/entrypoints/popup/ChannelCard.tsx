import { useId, useState } from 'react';
import { PLATFORM_NAMES } from '#shared/platforms.js';
import type { ChannelSettings } from '../../lib/composer-options.js';
import type { ChannelCheck, ChannelPreview } from '../../lib/composer-rules.js';
import { defineMessages, formatNumber } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import type { CachedChannel } from '../../lib/popup-types.js';
import { ChannelAvatar, channelName, unitText } from './ChannelPicker.js';
import { ChannelOptions, shownUnderField } from './ChannelOptions.js';

const t = defineMessages({
  en: {
    counter: '{length} / {max}',
    counterLabel: '{length} of {max} {unit}',
    more: '… more',
    overLimit: 'Past {network}’s limit, not published:',
    empty: 'No text',
    edit: 'Edit text for {network}',
    closeEdit: 'Done',
    overrideLabel: 'Text for {name}',
    reset: 'Use the main text',
    own: 'Own text',
  },
  de: {
    counter: '{length} / {max}',
    counterLabel: '{length} von {max} {unit}',
    more: '… mehr',
    overLimit: 'Über dem Limit von {network}, wird nicht veröffentlicht:',
    empty: 'Kein Text',
    edit: 'Text für {network} bearbeiten',
    closeEdit: 'Fertig',
    overrideLabel: 'Text für {name}',
    reset: 'Haupttext verwenden',
    own: 'Eigener Text',
  },
});

interface ChannelCardProps {
  channel: CachedChannel;
  /** What this channel publishes: its own text when it has one, else the main text. */
  text: string;
  hasOverride: boolean;
  check: ChannelCheck;
  preview: ChannelPreview;
  /** What the service said about this channel when it refused the post. */
  serviceErrors: string[];
  onOverride: (text: string | null) => void;
  workspaceId: string;
  /** The post's own title (the channel's title falls back to it). */
  postTitle: string;
  settings: ChannelSettings;
  onSettings: (settings: ChannelSettings) => void;
}

/** One chosen channel: a compact preview as its feed shows it, its problems, and its own text if wanted. */
export function ChannelCard({ channel, text, hasOverride, check, preview, serviceErrors, onOverride, workspaceId, postTitle, settings, onSettings }: ChannelCardProps) {
  const language = useLocale();
  const [editing, setEditing] = useState(false);
  const headingId = useId();
  const areaId = useId();
  const network = PLATFORM_NAMES[channel.platform];
  const over = check.length > check.max;
  // The service applies the same rules, in the same language: a problem found on both sides is listed once. Problems of an
  // option, the channel's title, comment or thread are shown under that input instead.
  const listed = check.issues.filter((issue) => !shownUnderField(channel.platform, issue.field));
  const problems = [...new Set([...listed.map((issue) => issue.sentence[language]), ...serviceErrors])];
  const invalid = problems.length > 0 || check.issues.length > 0;
  const counter = { length: formatNumber(check.length), max: formatNumber(check.max), unit: unitText(check.unit) };
  return (
    <section className={`channel-card${invalid ? ' channel-card-invalid' : ''}`} aria-labelledby={headingId} data-testid={`card-${channel.platform}`}>
      <div className="channel-card-head">
        <ChannelAvatar channel={channel} />
        <h3 id={headingId}>{channelName(channel)}</h3>
        {hasOverride && <span className="badge badge-muted">{t('own')}</span>}
        <span className={`counter${over ? ' counter-over' : ''}`} aria-label={t('counterLabel', counter)}>{t('counter', counter)}</span>
      </div>
      <p className="preview" data-testid={`preview-${channel.platform}`}>
        {preview.shown || <span className="muted">{t('empty')}</span>}
        {preview.folded && <span className="preview-fold">{t('more')}</span>}
      </p>
      {preview.overLimit.trim() !== '' && (
        <p className="preview-over">
          {t('overLimit', { network })} <mark>{preview.overLimit}</mark>
        </p>
      )}
      {problems.length > 0 && (
        <ul className="channel-problems" data-testid={`problems-${channel.platform}`}>
          {problems.map((message) => <li key={message}>{message}</li>)}
        </ul>
      )}
      <button type="button" className="button button-link" aria-expanded={editing} aria-controls={areaId} onClick={() => setEditing(!editing)}>
        {editing ? t('closeEdit') : t('edit', { network })}
      </button>
      {editing && (
        <div className="field" id={areaId}>
          <label htmlFor={`${areaId}-text`}>{t('overrideLabel', { name: channelName(channel) })}</label>
          <textarea id={`${areaId}-text`} value={text} onChange={(event) => onOverride(event.target.value)} />
          {hasOverride && (
            <button type="button" className="button button-link" onClick={() => onOverride(null)}>{t('reset')}</button>
          )}
        </div>
      )}
      <ChannelOptions
        platform={channel.platform}
        accountId={channel.id}
        workspaceId={workspaceId}
        settings={settings}
        onChange={onSettings}
        issues={check.issues}
        postTitle={postTitle}
      />
    </section>
  );
}
