/**
 * Calendar arithmetic for the Queue & calendar page, in the WORKSPACE's time zone (not the browser's):
 * instants become wall-clock parts with Intl, days are plain YYYY-MM-DD strings counted in UTC so no
 * daylight-saving change can shift them. Turning a wall-clock time back into an instant is the
 * service's job (it refuses times skipped by a clock change); the page only ever sends local times.
 * Only the human-readable forms (formatDay, formatMonth, formatInstant) follow the chosen language.
 */
import { formatLocalTime, toLocal } from '#shared/time/zones.js';
import { formatDate, locale } from './i18n/index.js';

/** Weeks start on Monday, as in most of the places the product is sold. */
export const WEEK_STARTS_ON = 1;

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  time: string;
  hour: number;
  minute: number;
}

/** The wall-clock date and time of `instant` in `timeZone`. */
export function toLocalParts(instant: string | Date, timeZone: string): LocalParts {
  const local = toLocal(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
  const [date, time] = formatLocalTime(local).split('T') as [string, string];
  return { date, time, hour: local.hour, minute: local.minute };
}

/** Today's date in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return toLocalParts(now, timeZone).date;
}

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(utc(value).getTime()) && isoDate(utc(value)) === value;
}

export function addDays(date: string, days: number): string {
  const day = utc(date);
  day.setUTCDate(day.getUTCDate() + days);
  return isoDate(day);
}

/** 0 = Sunday … 6 = Saturday (the numbering of the workspace's posting slots). */
export function weekdayOf(date: string): number {
  return utc(date).getUTCDay();
}

/** The Monday on or before `date`. */
export function startOfWeek(date: string): string {
  return addDays(date, -((weekdayOf(date) - WEEK_STARTS_ON + 7) % 7));
}

export function startOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}

/** The first day of the month `months` after the month of `date`. */
export function addMonths(date: string, months: number): string {
  const day = utc(startOfMonth(date));
  day.setUTCMonth(day.getUTCMonth() + months);
  return isoDate(day);
}

/** `count` consecutive dates from `from`. */
export function daysFrom(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(from, index));
}

/** The whole weeks (Monday first) that cover the month of `date`: 4 to 6 rows of 7 dates. */
export function monthWeeks(date: string): string[][] {
  const first = startOfMonth(date);
  const last = addDays(addMonths(date, 1), -1);
  const weeks: string[][] = [];
  for (let start = startOfWeek(first); start <= last; start = addDays(start, 7)) weeks.push(daysFrom(start, 7));
  return weeks;
}

/** "YYYY-MM-DDTHH:mm", the wall-clock form the service schedules with. */
export function localDateTime(date: string, time: string): string {
  return `${date}T${time}`;
}

/**
 * "Mon 30 Mar" (`long`: "Monday 30 March 2026"); in German "Mo., 30. März" ("Montag, 30. März 2026").
 * The date is a calendar day, so it is formatted in UTC. English keeps the day-before-month order the
 * page has always shown (Intl's plain "en" is American, "Mon, Mar 30"), so it is assembled from parts.
 */
export function formatDay(date: string, style: 'short' | 'long' = 'short'): string {
  const day = utc(date);
  const width = style === 'short' ? 'short' : 'long';
  if (locale() !== 'en') {
    return formatDate(day, { weekday: width, day: 'numeric', month: width, ...(style === 'long' ? { year: 'numeric' } : {}), timeZone: 'UTC' });
  }
  const part = (options: Intl.DateTimeFormatOptions) => formatDate(day, { ...options, timeZone: 'UTC' });
  const text = `${part({ weekday: width })} ${part({ day: 'numeric' })} ${part({ month: width })}`;
  return style === 'long' ? `${text} ${part({ year: 'numeric' })}` : text;
}

/** "Mon 30 Mar – Sun 5 Apr 2026": a span of days with its year once, at the end. */
export function formatDayRange(from: string, to: string): string {
  return `${formatDay(from)} – ${formatDay(to)} ${to.slice(0, 4)}`;
}

/** "March 2026" / "März 2026" */
export function formatMonth(date: string): string {
  return formatDate(utc(date), { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "Mon 30 Mar, 14:30" — an instant as the workspace's clock shows it. */
export function formatInstant(instant: string, timeZone: string): string {
  const local = toLocalParts(instant, timeZone);
  return `${formatDay(local.date)}, ${local.time}`;
}
