import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { CalendarPost } from '#shared/api/calendar.js';
import type { PostingSlot } from '#shared/api/publishing.js';
import { formatDay, localDateTime, toLocalParts, weekdayOf } from '../../lib/dashboard-time.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { POST_DRAG_TYPE, PostCard } from './PostCard.js';

const t = defineMessages({
  en: {
    caption: 'Week of scheduled posts, by hour, in {timeZone}. Drag a post to another hour or posting slot to move it.',
    region: 'Week, by hour',
    hour: 'Hour',
    slot: 'Slot {time}',
    slotTitle: 'Posting slot at {time}: drop a post here to move it to exactly {time}.',
    today: 'today',
  },
  de: {
    caption: 'Woche der geplanten Beiträge, nach Stunden, in {timeZone}. Ziehen Sie einen Beitrag auf eine andere Stunde oder einen Veröffentlichungstermin, um ihn zu verschieben.',
    region: 'Woche, nach Stunden',
    hour: 'Stunde',
    slot: 'Termin {time}',
    slotTitle: 'Veröffentlichungstermin um {time}: Legen Sie einen Beitrag hier ab, um ihn auf genau {time} zu verschieben.',
    today: 'heute',
  },
});

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
/** The grid opens scrolled to the working day; earlier hours are a scroll away. */
const FIRST_VISIBLE_HOUR = 7;

const hh = (hour: number) => String(hour).padStart(2, '0');

export interface WeekViewProps {
  days: string[];
  today: string;
  posts: CalendarPost[];
  timeZone: string;
  postingSlots: PostingSlot[];
  editable: boolean;
  movePending: boolean;
  onMove: (post: CalendarPost, localTime: string) => Promise<boolean>;
  onOpen: (postId: string) => void;
}

/**
 * Seven days × 24 hours in the workspace's time zone. A scheduled post dropped on an hour keeps its
 * minutes (09:30 dropped on Thursday 14:00 → Thursday 14:30); dropped on a posting slot it takes the
 * slot's exact time. The service decides whether the move is allowed and says why not.
 */
export function WeekView({ days, today, posts, timeZone, postingSlots, editable, movePending, onMove, onOpen }: WeekViewProps) {
  useLocale();
  const scroller = useRef<HTMLDivElement>(null);
  const [over, setOver] = useState<string | null>(null);

  useEffect(() => {
    const row = scroller.current?.querySelector<HTMLElement>(`[data-hour="${FIRST_VISIBLE_HOUR}"]`);
    if (scroller.current && row) scroller.current.scrollTop = row.offsetTop - (scroller.current.querySelector('thead')?.offsetHeight ?? 0);
  }, []);

  const cells = new Map<string, CalendarPost[]>();
  for (const post of posts) {
    const local = toLocalParts(post.at, timeZone);
    const key = `${local.date} ${local.hour}`;
    cells.set(key, [...(cells.get(key) ?? []), post]);
  }

  const dropOn = (localTimeFor: (post: CalendarPost) => string) => (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(POST_DRAG_TYPE)) return;
    event.preventDefault();
    event.stopPropagation();
    setOver(null);
    const post = posts.find((candidate) => candidate.id === event.dataTransfer.getData(POST_DRAG_TYPE));
    if (!post) return;
    const localTime = localTimeFor(post);
    const current = toLocalParts(post.at, timeZone);
    if (localTime !== localDateTime(current.date, current.time)) void onMove(post, localTime);
  };

  const allowDrop = (key: string) => (event: DragEvent) => {
    if (!editable || !event.dataTransfer.types.includes(POST_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (over !== key) setOver(key);
  };

  return (
    // Scrolls on its own (24 hours): focusable so the keyboard can scroll it too (WCAG 2.1.1).
    <div className="week-scroller" ref={scroller} data-testid="week-view" tabIndex={0} role="region" aria-label={t('region')}>
      <table className="week">
        <caption className="visually-hidden">{t('caption', { timeZone })}</caption>
        <thead>
          <tr>
            <th scope="col" className="hour-head"><span className="visually-hidden">{t('hour')}</span></th>
            {days.map((date) => (
              <th key={date} scope="col" className={date === today ? 'today' : undefined} aria-current={date === today ? 'date' : undefined}>
                {formatDay(date)}
                {date === today && <span className="visually-hidden"> ({t('today')})</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {HOURS.map((hour) => (
            <tr key={hour} data-hour={hour}>
              <th scope="row" className="hour-label">{hh(hour)}:00</th>
              {days.map((date) => {
                const key = `${date} ${hour}`;
                const slots = postingSlots.filter((slot) => slot.weekday === weekdayOf(date) && Number(slot.time.slice(0, 2)) === hour);
                return (
                  <td
                    key={date}
                    data-testid={`cell-${date}-${hh(hour)}`}
                    className={[over === key ? 'drop-over' : '', date === today ? 'today' : ''].filter(Boolean).join(' ') || undefined}
                    onDragOver={allowDrop(key)}
                    onDragLeave={() => over === key && setOver(null)}
                    onDrop={dropOn((post) => localDateTime(date, `${hh(hour)}:${toLocalParts(post.at, timeZone).time.slice(3)}`))}
                  >
                    {slots.map((slot) => (
                      <span
                        key={slot.time}
                        className={`slot-marker${over === `${key} ${slot.time}` ? ' drop-over' : ''}`}
                        title={t('slotTitle', { time: slot.time })}
                        data-testid={`slot-${date}-${slot.time}`}
                        onDragOver={allowDrop(`${key} ${slot.time}`)}
                        onDrop={dropOn(() => localDateTime(date, slot.time))}
                      >
                        {t('slot', { time: slot.time })}
                      </span>
                    ))}
                    {(cells.get(key) ?? []).map((post) => (
                      <PostCard key={post.id} post={post} timeZone={timeZone} editable={editable} movePending={movePending} onMove={onMove} onOpen={onOpen} compact />
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
