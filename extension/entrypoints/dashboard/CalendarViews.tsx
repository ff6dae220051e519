import { useCallback, useState } from 'react';
import type { CalendarPost } from '#shared/api/calendar.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { addDays, addMonths, daysFrom, formatDay, formatDayRange, formatInstant, formatMonth, monthWeeks, startOfWeek } from '../../lib/dashboard-time.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { DayView } from './DayView.js';
import { MonthView } from './MonthView.js';
import { excerpt } from './status.js';
import { useLoaded } from './useLoaded.js';
import { WeekView } from './WeekView.js';

const t = defineMessages({
  en: {
    previousDay: 'Previous day',
    previousWeek: 'Previous week',
    previousMonth: 'Previous month',
    nextDay: 'Next day',
    nextWeek: 'Next week',
    nextMonth: 'Next month',
    today: 'Today',
    timeZone: "Times in {timeZone}, the workspace's time zone.",
    loading: 'Loading…',
    moved: 'Moved “{what}” to {when}.',
    truncated: 'This range holds more posts than one page shows; look at a shorter range to see them all.',
  },
  de: {
    previousDay: 'Vorheriger Tag',
    previousWeek: 'Vorherige Woche',
    previousMonth: 'Vorheriger Monat',
    nextDay: 'Nächster Tag',
    nextWeek: 'Nächste Woche',
    nextMonth: 'Nächster Monat',
    today: 'Heute',
    timeZone: 'Zeiten in {timeZone}, der Zeitzone des Arbeitsbereichs.',
    loading: 'Wird geladen…',
    moved: '„{what}“ verschoben auf {when}.',
    truncated: 'Dieser Zeitraum enthält mehr Beiträge, als eine Seite zeigt; wählen Sie einen kürzeren Zeitraum, um alle zu sehen.',
  },
});

const PREVIOUS = { day: 'previousDay', week: 'previousWeek', month: 'previousMonth' } as const;
const NEXT = { day: 'nextDay', week: 'nextWeek', month: 'nextMonth' } as const;

export type CalendarViewName = 'day' | 'week' | 'month';

export interface CalendarViewsProps {
  view: CalendarViewName;
  /** The day the view shows or contains. */
  anchor: string;
  today: string;
  workspaceId: string;
  editable: boolean;
  /** Called with the workspace's time zone once the service said it. */
  onTimeZone: (timeZone: string) => void;
  onNavigate: (date: string) => void;
  onOpen: (postId: string) => void;
  onOpenDay: (date: string) => void;
}

function rangeOf(view: CalendarViewName, anchor: string): { from: string; to: string; label: string; weeks: string[][] } {
  if (view === 'day') return { from: anchor, to: anchor, label: formatDay(anchor, 'long'), weeks: [] };
  if (view === 'week') {
    const from = startOfWeek(anchor);
    const to = addDays(from, 6);
    return { from, to, label: formatDayRange(from, to), weeks: [] };
  }
  const weeks = monthWeeks(anchor);
  return { from: weeks[0]![0]!, to: weeks.at(-1)!.at(-1)!, label: formatMonth(anchor), weeks };
}

function step(view: CalendarViewName, anchor: string, direction: 1 | -1): string {
  if (view === 'day') return addDays(anchor, direction);
  if (view === 'week') return addDays(anchor, 7 * direction);
  return addMonths(anchor, direction);
}

/** Day, week and month views of the workspace's posts, with navigation and rescheduling. */
export function CalendarViews({ view, anchor, today, workspaceId, editable, onTimeZone, onNavigate, onOpen, onOpenDay }: CalendarViewsProps) {
  useLocale();
  const range = rangeOf(view, anchor);
  const loaded = useLoaded(`${workspaceId} ${range.from} ${range.to}`, async () => {
    const answer = await sendMessage('getDashboardCalendar', { workspaceId, from: range.from, to: range.to });
    onTimeZone(answer.schedule.timeZone);
    return answer;
  });
  const [notice, setNotice] = useState<string | null>(null);
  const reschedule = useAction(async (post: CalendarPost, localTime: string) => {
    setNotice(null);
    const moved = await sendMessage('reschedulePost', { workspaceId, postId: post.id, localTime });
    const due = moved.items.find((target) => target.status === 'scheduled')?.dueAt;
    await loaded.reload();
    setNotice(t('moved', { what: excerpt(post, 40), when: due && loaded.data ? formatInstant(due, loaded.data.schedule.timeZone) : localTime.replace('T', ' ') }));
    return true;
  });
  const move = useCallback(async (post: CalendarPost, localTime: string) => (await reschedule.run(post, localTime)) === true, [reschedule]);

  const data = loaded.data;
  const timeZone = data?.schedule.timeZone ?? null;
  const card = { editable, movePending: reschedule.pending, onMove: move, onOpen };

  return (
    <section aria-labelledby="range-label" className="calendar">
      <div className="range-nav">
        <button type="button" className="button button-secondary" onClick={() => onNavigate(step(view, anchor, -1))} aria-label={t(PREVIOUS[view])}>
          <span aria-hidden="true">‹</span>
        </button>
        <button type="button" className="button button-secondary" onClick={() => onNavigate(today)} disabled={range.from <= today && today <= range.to && view !== 'month'}>
          {t('today')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onNavigate(step(view, anchor, 1))} aria-label={t(NEXT[view])}>
          <span aria-hidden="true">›</span>
        </button>
        <h2 id="range-label" data-testid="range-label">{range.label}</h2>
        {timeZone && <p className="hint time-zone" data-testid="time-zone">{t('timeZone', { timeZone })}</p>}
      </div>
      <FormError message={reschedule.error?.message ?? null} testId="move-error" />
      {notice && <p className="notice-success" role="status" data-testid="move-notice">{notice}</p>}
      <FormError message={loaded.error?.message ?? null} testId="calendar-error" />
      {data?.calendar.truncated && <p className="notice">{t('truncated')}</p>}
      {!data && loaded.loading && <p className="muted">{t('loading')}</p>}
      {data && timeZone && (
        <div aria-busy={loaded.loading || undefined}>
          {view === 'week' && (
            <WeekView days={daysFrom(range.from, 7)} today={today} posts={data.calendar.items} timeZone={timeZone} postingSlots={data.schedule.postingSlots} {...card} />
          )}
          {view === 'day' && <DayView date={anchor} posts={data.calendar.items} timeZone={timeZone} {...card} />}
          {view === 'month' && (
            <MonthView weeks={range.weeks} month={anchor} today={today} posts={data.calendar.items} timeZone={timeZone} onOpen={onOpen} onOpenDay={onOpenDay} />
          )}
        </div>
      )}
    </section>
  );
}
