import type { CalendarPost } from '#shared/api/calendar.js';
import { toLocalParts } from '../../lib/dashboard-time.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { PostCard } from './PostCard.js';

const t = defineMessages({
  en: { empty: 'Nothing is scheduled or published on this day.' },
  de: { empty: 'An diesem Tag ist nichts geplant oder veröffentlicht.' },
});

export interface DayViewProps {
  date: string;
  posts: CalendarPost[];
  timeZone: string;
  editable: boolean;
  movePending: boolean;
  onMove: (post: CalendarPost, localTime: string) => Promise<boolean>;
  onOpen: (postId: string) => void;
}

/** One day's posts in time order, with room for their whole channel lists. */
export function DayView({ date, posts, timeZone, ...card }: DayViewProps) {
  useLocale();
  const today = posts.filter((post) => toLocalParts(post.at, timeZone).date === date);
  if (today.length === 0) return <p className="muted empty" data-testid="day-view">{t('empty')}</p>;
  return (
    <ol className="day-list" data-testid="day-view">
      {today.map((post) => (
        <li key={post.id}>
          <PostCard post={post} timeZone={timeZone} {...card} />
        </li>
      ))}
    </ol>
  );
}
