import type { CalendarPost } from '#shared/api/calendar.js';
import { formatDay, toLocalParts } from '../../lib/dashboard-time.js';
import { defineMessages, formatDate, formatNumber } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { excerpt } from './status.js';

const t = defineMessages({
  en: {
    openDay: { one: '{day}: {count} post', other: '{day}: {count} posts' },
    more: '+{count} more',
    caption: 'Posts of the month by day, in {timeZone}.',
  },
  de: {
    openDay: { one: '{day}: {count} Beitrag', other: '{day}: {count} Beiträge' },
    more: '+{count} weitere',
    caption: 'Beiträge des Monats nach Tagen, in {timeZone}.',
  },
});

/** Column heads Monday to Sunday ("Mon", "Mo"), from the first week shown, in the chosen language. */
function weekdayNames(week: string[]): string[] {
  return week.map((date) => formatDate(`${date}T00:00:00Z`, { weekday: 'short', timeZone: 'UTC' }));
}

/** How many posts a day cell lists before "+N more". */
const PER_DAY = 3;

export interface MonthViewProps {
  weeks: string[][];
  month: string;
  today: string;
  posts: CalendarPost[];
  timeZone: string;
  onOpen: (postId: string) => void;
  onOpenDay: (date: string) => void;
}

/** The month as weeks of days; each day lists its first posts, and opens in the day view. */
export function MonthView({ weeks, month, today, posts, timeZone, onOpen, onOpenDay }: MonthViewProps) {
  useLocale();
  const byDay = new Map<string, CalendarPost[]>();
  for (const post of posts) {
    const { date } = toLocalParts(post.at, timeZone);
    byDay.set(date, [...(byDay.get(date) ?? []), post]);
  }
  return (
    <table className="month" data-testid="month-view">
      <caption className="visually-hidden">{t('caption', { timeZone })}</caption>
      <thead>
        <tr>{weekdayNames(weeks[0] ?? []).map((day) => <th key={day} scope="col">{day}</th>)}</tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((date) => {
              const dayPosts = byDay.get(date) ?? [];
              const outside = date.slice(0, 7) !== month.slice(0, 7);
              return (
                <td key={date} className={[outside ? 'outside' : '', date === today ? 'today' : ''].filter(Boolean).join(' ') || undefined} data-testid={`month-${date}`}>
                  <button type="button" className="day-number" onClick={() => onOpenDay(date)} aria-label={t('openDay', { day: formatDay(date, 'long'), count: dayPosts.length })} aria-current={date === today ? 'date' : undefined}>
                    {formatNumber(Number(date.slice(8)))}
                  </button>
                  <ul className="month-posts">
                    {dayPosts.slice(0, PER_DAY).map((post) => (
                      <li key={post.id}>
                        <button type="button" className={`chip status-${post.targets[0]?.status ?? 'scheduled'}`} onClick={() => onOpen(post.id)}>
                          <time dateTime={post.at}>{toLocalParts(post.at, timeZone).time}</time> {excerpt(post, 28)}
                        </button>
                      </li>
                    ))}
                  </ul>
                  {dayPosts.length > PER_DAY && (
                    <button type="button" className="button button-link small" onClick={() => onOpenDay(date)}>{t('more', { count: dayPosts.length - PER_DAY })}</button>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
