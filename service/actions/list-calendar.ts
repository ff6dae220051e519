import type { Knex } from 'knex';
import { CALENDAR_DEFAULT_STATUSES } from '#shared/api/calendar.js';
import type { PostStatus } from '#shared/api/posts.js';
import type { TargetStatus } from '#shared/platforms.js';
import { addDays, fromLocal } from '#shared/time/zones.js';
import type { TargetRow } from './load-post-targets.js';

/** Most targets one answer carries; a busier range is cut at this many and says so (`truncated`). */
export const CALENDAR_TARGET_LIMIT = 1000;

/** A target with its account, post and latest metrics, as the calendar shows it. */
export type CalendarTargetRow = TargetRow & {
  at: Date;
  postStatus: PostStatus;
  postTitle: string | null;
  postBody: string;
  mediaCount: number;
  metricLikes: string | number | null;
  metricComments: string | number | null;
  metricShares: string | number | null;
  metricViews: string | number | null;
  metricsFetchedAt: Date | null;
};

export interface CalendarRange {
  timeZone: string;
  from: string;
  to: string;
  start: Date;
  end: Date;
  rows: CalendarTargetRow[];
  truncated: boolean;
}

/**
 * The instant a calendar day begins in `timeZone`: its midnight, or — where the clocks skip midnight
 * for daylight saving time (e.g. America/Santiago) — the first hour that exists that day.
 */
export function startOfDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  for (let hour = 0; hour < 24; hour++) {
    const found = fromLocal({ year, month, day, hour, minute: 0 }, timeZone);
    if (!found.gap) return found.instant;
  }
  throw new Error(`${date} has no hour in ${timeZone}`);
}

function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const next = addDays({ year, month, day }, 1);
  return `${String(next.year).padStart(4, '0')}-${String(next.month).padStart(2, '0')}-${String(next.day).padStart(2, '0')}`;
}

/**
 * The workspace's targets that sit on the calendar between `from` and `to` (dates in the workspace's time
 * zone, both included), with their post, account and latest metrics, earliest first. A target sits where
 * it was published, else where it is due; drafts have no place on it. The caller checked membership.
 */
export async function listCalendar(
  knex: Knex,
  workspaceId: string,
  query: { from: string; to: string; status?: TargetStatus[] | undefined },
): Promise<CalendarRange> {
  const { timeZone } = (await knex('workspaces').where('id', workspaceId).first('timeZone')) as { timeZone: string };
  // Days are the workspace's: the range is [start of `from`, start of the day after `to`), so a day with
  // a clock change spans 23 or 25 hours and no target near midnight falls into the wrong day.
  const start = startOfDay(query.from, timeZone);
  const end = startOfDay(nextDate(query.to), timeZone);
  const statuses = query.status ?? CALENDAR_DEFAULT_STATUSES;
  const rows = (await knex('postTargets as t')
    .join('connectedAccounts as a', 'a.id', 't.accountId')
    .join('posts as p', 'p.id', 't.postId')
    .joinRaw(
      'left join lateral (select pm.likes, pm.comments, pm.shares, pm.views, pm.fetched_at from post_metrics pm where pm.target_id = t.id order by pm.fetched_at desc limit 1) m on true',
    )
    .where('t.workspaceId', workspaceId)
    .whereIn('t.status', statuses)
    .whereRaw('coalesce(t.published_at, t.due_at) >= ? and coalesce(t.published_at, t.due_at) < ?', [start, end])
    .select(
      't.*',
      'a.name as accountName', 'a.username as accountUsername', 'a.avatarUrl as accountAvatarUrl', 'a.status as accountStatus',
      'p.status as postStatus', 'p.title as postTitle', 'p.body as postBody',
      'm.likes as metricLikes', 'm.comments as metricComments', 'm.shares as metricShares', 'm.views as metricViews', 'm.fetchedAt as metricsFetchedAt',
      knex.raw('coalesce(t.published_at, t.due_at) as at'),
      knex.raw('(select count(*) from post_media pmd where pmd.post_id = t.post_id)::int as media_count'),
    )
    .orderByRaw('coalesce(t.published_at, t.due_at), t.id')
    .limit(CALENDAR_TARGET_LIMIT + 1)) as CalendarTargetRow[];
  return {
    timeZone, from: query.from, to: query.to, start, end,
    rows: rows.slice(0, CALENDAR_TARGET_LIMIT),
    truncated: rows.length > CALENDAR_TARGET_LIMIT,
  };
}
