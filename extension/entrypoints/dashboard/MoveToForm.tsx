import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.js';
import { isDate, localDateTime } from '../../lib/dashboard-time.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';

const t = defineMessages({
  en: {
    legend: 'Move “{what}” to',
    date: 'Date',
    time: 'Time',
    hint: "In the workspace's time zone, {timeZone}.",
    move: 'Move',
    moving: 'Moving…',
    cancel: 'Cancel',
    invalidDate: 'Enter a date like 2026-03-30.',
    invalidTime: 'Enter a time like 09:30.',
  },
  de: {
    legend: '„{what}“ verschieben auf',
    date: 'Datum',
    time: 'Uhrzeit',
    hint: 'In der Zeitzone des Arbeitsbereichs, {timeZone}.',
    move: 'Verschieben',
    moving: 'Wird verschoben…',
    cancel: 'Abbrechen',
    invalidDate: 'Geben Sie ein Datum wie 2026-03-30 ein.',
    invalidTime: 'Geben Sie eine Uhrzeit wie 09:30 ein.',
  },
});

interface MoveToFormProps {
  what: string;
  date: string;
  time: string;
  timeZone: string;
  pending: boolean;
  /** Resolves true when the post moved (the form closes), false when the service refused (it stays open). */
  onMove: (localTime: string) => Promise<boolean>;
  onCancel: () => void;
}

/** The keyboard way to reschedule: a date and a time in the workspace's time zone (what drag and drop does by mouse). */
export function MoveToForm({ what, date: initialDate, time: initialTime, timeZone, pending, onMove, onCancel }: MoveToFormProps) {
  useLocale();
  const id = useId();
  const [date, setDate] = useState(initialDate);
  const [time, setTime] = useState(initialTime);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isDate(date)) return setProblem(t('invalidDate'));
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return setProblem(t('invalidTime'));
    setProblem(null);
    if (await onMove(localDateTime(date, time))) onCancel();
  };

  return (
    <form className="move-to" onSubmit={(event) => void submit(event)} onKeyDown={(event) => event.key === 'Escape' && onCancel()} data-testid="move-to-form">
      <fieldset>
        <legend>{t('legend', { what })}</legend>
        <div className="move-to-fields">
          <label htmlFor={`${id}-date`}>{t('date')}</label>
          {/* Focus lands here first, so a keyboard user continues where they pressed "Move to…". */}
          <input id={`${id}-date`} type="date" value={date} onChange={(event) => setDate(event.target.value)} required autoFocus aria-describedby={`${id}-hint`} />
          <label htmlFor={`${id}-time`}>{t('time')}</label>
          <input id={`${id}-time`} type="time" value={time} onChange={(event) => setTime(event.target.value)} required aria-describedby={`${id}-hint`} />
        </div>
        <p id={`${id}-hint`} className="hint">{t('hint', { timeZone })}</p>
        {problem && <p className="field-error" role="alert">{problem}</p>}
        <div className="actions">
          <Button type="submit" pending={pending} pendingLabel={t('moving')}>{t('move')}</Button>
          <Button variant="secondary" onClick={onCancel}>{t('cancel')}</Button>
        </div>
      </fieldset>
    </form>
  );
}
