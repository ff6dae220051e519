import { useId, useState, type FormEvent } from 'react';
import type { ConnectedAccount } from '#shared/api/accounts.js';
import type { ScheduleInput } from '#shared/api/publishing.js';
import { PLATFORM_NAMES } from '#shared/platforms.js';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { isDate, localDateTime } from '../../lib/dashboard-time.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { AccountAvatar } from './Channels.js';

const t = defineMessages({
  en: {
    heading: 'Schedule',
    channels: 'Channels',
    noChannels: 'No channels connected yet: connect one in Minopa settings (Channels) to publish.',
    pickChannel: 'Pick at least one channel.',
    when: 'When',
    queue: 'Next free posting slot',
    at: 'At a date and time',
    now: 'Now',
    date: 'Date',
    time: 'Time',
    zone: "In the workspace's time zone, {timeZone}.",
    invalidDate: 'Enter a date like 2026-03-30.',
    invalidTime: 'Enter a time like 09:30.',
    submit: 'Schedule',
    submitting: 'Scheduling…',
    sandbox: 'sandbox',
  },
  de: {
    heading: 'Planen',
    channels: 'Kanäle',
    noChannels: 'Noch keine Kanäle verbunden: Verbinden Sie in den Minopa-Einstellungen (Kanäle) einen, um zu veröffentlichen.',
    pickChannel: 'Wählen Sie mindestens einen Kanal.',
    when: 'Wann',
    queue: 'Nächster freier Veröffentlichungstermin',
    at: 'Zu einem bestimmten Zeitpunkt',
    now: 'Jetzt',
    date: 'Datum',
    time: 'Uhrzeit',
    zone: 'In der Zeitzone des Arbeitsbereichs, {timeZone}.',
    invalidDate: 'Geben Sie ein Datum wie 2026-03-30 ein.',
    invalidTime: 'Geben Sie eine Uhrzeit wie 09:30 ein.',
    submit: 'Planen',
    submitting: 'Wird geplant…',
    sandbox: 'Sandbox',
  },
});

interface ScheduleFormProps {
  workspaceId: string;
  postId: string;
  accounts: ConnectedAccount[];
  /** Accounts the post already goes to: ticked at first. */
  chosen: string[];
  timeZone: string;
  today: string;
  onScheduled: () => Promise<void>;
}

/** Points a draft at channels and schedules it: next free slot, a time in the workspace's zone, or now. */
export function ScheduleForm({ workspaceId, postId, accounts, chosen, timeZone, today, onScheduled }: ScheduleFormProps) {
  useLocale();
  const id = useId();
  const usable = accounts.filter((account) => account.status === 'active');
  const [selected, setSelected] = useState(() => chosen.filter((accountId) => usable.some((account) => account.id === accountId)));
  const [when, setWhen] = useState<'queue' | 'at' | 'now'>('queue');
  const [date, setDate] = useState(today);
  const [time, setTime] = useState('09:00');
  const [problem, setProblem] = useState<string | null>(null);
  const schedule = useAction(async (accountIds: string[], input: ScheduleInput) => {
    await sendMessage('publishPost', { workspaceId, postId, accountIds, schedule: input });
    await onScheduled();
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (selected.length === 0) return setProblem(t('pickChannel'));
    if (when === 'at' && !isDate(date)) return setProblem(t('invalidDate'));
    if (when === 'at' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return setProblem(t('invalidTime'));
    setProblem(null);
    void schedule.run(selected, when === 'at' ? { when: 'at', localTime: localDateTime(date, time) } : { when });
  };

  if (usable.length === 0) return <p className="notice" data-testid="no-channels">{t('noChannels')}</p>;
  return (
    <form onSubmit={submit} className="schedule-form" data-testid="schedule-form">
      <h3>{t('heading')}</h3>
      <fieldset className="channel-picker">
        <legend>{t('channels')}</legend>
        {usable.map((account) => (
          <div className="checkbox-row" key={account.id}>
            <input
              id={`${id}-${account.id}`}
              type="checkbox"
              checked={selected.includes(account.id)}
              onChange={(event) => setSelected(event.target.checked ? [...selected, account.id] : selected.filter((other) => other !== account.id))}
            />
            <label htmlFor={`${id}-${account.id}`}>
              <AccountAvatar name={account.name} avatarUrl={account.avatarUrl} /> {PLATFORM_NAMES[account.platform]} · {account.username ? `@${account.username}` : account.name}
              {account.sandbox && <> <span className="badge">{t('sandbox')}</span></>}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset className="when">
        <legend>{t('when')}</legend>
        {(['queue', 'at', 'now'] as const).map((choice) => (
          <div className="checkbox-row" key={choice}>
            <input id={`${id}-${choice}`} type="radio" name={`${id}-when`} checked={when === choice} onChange={() => setWhen(choice)} />
            <label htmlFor={`${id}-${choice}`}>{t(choice)}</label>
          </div>
        ))}
        {when === 'at' && (
          <div className="move-to-fields">
            <label htmlFor={`${id}-date`}>{t('date')}</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(event) => setDate(event.target.value)} aria-describedby={`${id}-zone`} />
            <label htmlFor={`${id}-time`}>{t('time')}</label>
            <input id={`${id}-time`} type="time" value={time} onChange={(event) => setTime(event.target.value)} aria-describedby={`${id}-zone`} />
            <p id={`${id}-zone`} className="hint">{t('zone', { timeZone })}</p>
          </div>
        )}
      </fieldset>
      {problem && <p className="field-error" role="alert">{problem}</p>}
      <FormError message={schedule.error?.message ?? null} testId="schedule-error" />
      <Button type="submit" pending={schedule.pending} pendingLabel={t('submitting')}>{t('submit')}</Button>
    </form>
  );
}
