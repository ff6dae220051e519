import type { Calendar, CalendarPost, CalendarTarget, TargetMetrics } from '#shared/api/calendar.js';
import type { CalendarRange, CalendarTargetRow } from '../actions/list-calendar.js';
import { presentPostTarget } from './post-target.js';

const count = (value: string | number | null): number | null => (value === null ? null : Number(value));

function presentMetrics(row: CalendarTargetRow): TargetMetrics | null {
  if (!row.metricsFetchedAt) return null;
  return {
    likes: count(row.metricLikes),
    comments: count(row.metricComments),
    shares: count(row.metricShares),
    views: count(row.metricViews),
    fetchedAt: row.metricsFetchedAt.toISOString(),
  };
}

function presentCalendarTarget(row: CalendarTargetRow): CalendarTarget {
  return { ...presentPostTarget(row), at: row.at.toISOString(), metrics: presentMetrics(row) };
}

/**
 * The calendar as the API shows it: targets grouped under their post, posts in the order of their
 * earliest target (the rows arrive sorted by time, so the first row of a post is its earliest).
 */
export function presentCalendar(range: CalendarRange): Calendar {
  const posts = new Map<string, CalendarPost>();
  for (const row of range.rows) {
    let post = posts.get(row.postId);
    if (!post) {
      post = {
        id: row.postId, status: row.postStatus, title: row.postTitle, body: row.postBody, mediaCount: row.mediaCount,
        at: row.at.toISOString(), targets: [],
      };
      posts.set(row.postId, post);
    }
    post.targets.push(presentCalendarTarget(row));
  }
  return {
    timeZone: range.timeZone,
    from: range.from,
    to: range.to,
    range: { start: range.start.toISOString(), end: range.end.toISOString() },
    items: [...posts.values()],
    truncated: range.truncated,
  };
}
