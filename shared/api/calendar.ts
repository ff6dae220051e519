import { z } from 'zod';
import { TARGET_STATUSES, type TargetStatus } from '../platforms.js';
import { PostStatus } from './posts.js';
import { PostTarget } from './publishing.js';
import { Id, Timestamp } from './common.js';
import { bilingual, zodMessage } from '../i18n.js';

/**
 * The queue and calendar of a workspace: its posts with the targets that fall in a range of days, each
 * day in the WORKSPACE's time zone (a day is 23 or 25 hours long when the clocks change).
 */

/** The longest range one request may ask for (a month view plus the days around it fits easily). */
export const CALENDAR_MAX_DAYS = 92;

/** Statuses listed when the query names none: everything that has a time (drafts and cancelled ones have none that matters). */
export const CALENDAR_DEFAULT_STATUSES: readonly TargetStatus[] = ['scheduled', 'publishing', 'published', 'failed', 'unconfirmed'];

/** A calendar date in the workspace's time zone. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: zodMessage({ en: 'must be a date like 2026-03-29', de: 'muss ein Datum wie 2026-03-29 sein' }) })
  .refine((value) => isCalendarDate(value), { message: zodMessage({ en: 'must be a real calendar date', de: 'muss ein Datum sein, das es im Kalender gibt' }) })
  .meta({ description: "A date in the workspace's time zone (YYYY-MM-DD)." });

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days from `from` to `to`, both included (dates as YYYY-MM-DD). */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const StatusList = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.split(',').map((part) => part.trim())))
  .pipe(z.array(z.enum(TARGET_STATUSES, { message: zodMessage({ en: `must be a comma-separated list of ${TARGET_STATUSES.join(', ')}`, de: `muss eine durch Kommas getrennte Liste aus ${TARGET_STATUSES.join(', ')} sein` }) })).optional())
  .meta({ description: `Target statuses, comma-separated (${TARGET_STATUSES.join(', ')}); default: ${CALENDAR_DEFAULT_STATUSES.join(', ')}.` });

export const CalendarQuery = z
  .strictObject({ from: LocalDate, to: LocalDate, status: StatusList })
  .refine((query) => query.from <= query.to, { message: zodMessage({ en: 'must not be before from', de: 'darf nicht vor from liegen' }), path: ['to'] })
  .refine((query) => query.from > query.to || daysInRange(query.from, query.to) <= CALENDAR_MAX_DAYS, {
    message: zodMessage(bilingual({ en: 'must be at most {days} days after from', de: 'darf höchstens {days} Tage nach from liegen' }, { days: CALENDAR_MAX_DAYS })),
    path: ['to'],
  });
export type CalendarQuery = z.input<typeof CalendarQuery>;

/** Engagement numbers as the network last reported them; null where the network gives no such figure. */
export const TargetMetrics = z
  .object({
    likes: z.number().int().nullable(),
    comments: z.number().int().nullable(),
    shares: z.number().int().nullable(),
    views: z.number().int().nullable(),
    fetchedAt: Timestamp,
  })
  .meta({ id: 'TargetMetrics' });
export type TargetMetrics = z.output<typeof TargetMetrics>;

export const CalendarTarget = PostTarget.extend({
  at: Timestamp.meta({ description: 'Where it sits on the calendar: when it was published, else when it is (or was) due; UTC.' }),
  metrics: TargetMetrics.nullable().meta({ description: 'Published targets: the latest numbers fetched.' }),
}).meta({ id: 'CalendarTarget' });
export type CalendarTarget = z.output<typeof CalendarTarget>;

export const CalendarPost = z
  .object({
    id: Id,
    status: PostStatus,
    title: z.string().nullable(),
    body: z.string(),
    mediaCount: z.number().int(),
    at: Timestamp.meta({ description: 'The earliest `at` of its targets in the range.' }),
    targets: z.array(CalendarTarget).meta({ description: 'Its targets in the range and of the statuses asked for, earliest first.' }),
  })
  .meta({ id: 'CalendarPost' });
export type CalendarPost = z.output<typeof CalendarPost>;

export const Calendar = z
  .object({
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    range: z.object({ start: Timestamp, end: Timestamp }).meta({ description: 'The instants the days stand for: start included, end excluded (UTC).' }),
    items: z.array(CalendarPost).meta({ description: 'Earliest first.' }),
    truncated: z.boolean().meta({ description: 'True when the range holds more targets than one answer carries; ask for fewer days.' }),
  })
  .meta({ id: 'Calendar' });
export type Calendar = z.output<typeof Calendar>;
