/**
 * Wall-clock times in a workspace's time zone ↔ instants (UTC), with Intl only (no tz database of our
 * own). DST rules, as people expect them and as documented on the schedule endpoints:
 * - a local time inside a spring-forward gap does not exist (Europe/Berlin 2026-03-29 02:30): `gap`;
 * - a local time that occurs twice at fall-back (Europe/Berlin 2026-10-25 02:30) means its FIRST
 *   occurrence (the summer-time one), the earlier instant.
 */

/** A wall-clock time: month 1–12, weekday 0–6 with Sunday = 0. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The IANA name Intl knows `timeZone` by ("europe/berlin" → "Europe/Berlin"), or null when it is not one. */
export function canonicalTimeZone(timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The wall-clock time of `instant` in `timeZone`, with its weekday. */
export function toLocal(instant: Date, timeZone: string): LocalTime & { weekday: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  const local = { year: +parts.year!, month: +parts.month!, day: +parts.day!, hour: +parts.hour!, minute: +parts.minute! };
  return { ...local, weekday: new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() };
}

/** Minutes `timeZone` is ahead of UTC at `instant` (seconds of historical offsets are ignored). */
function offsetMinutes(instant: number, timeZone: string): number {
  const local = toLocal(new Date(instant), timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a wall-clock time in `timeZone` stands for: `{ gap: true }` when it does not exist
 * (skipped by a spring-forward change), the first occurrence when it exists twice.
 */
export function fromLocal(local: LocalTime, timeZone: string): { gap: false; instant: Date } | { gap: true } {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Offsets a day either side cover any single transition near this time.
  const offsets = new Set([offsetMinutes(asUtc - 86_400_000, timeZone), offsetMinutes(asUtc, timeZone), offsetMinutes(asUtc + 86_400_000, timeZone)]);
  const candidates = [...offsets]
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => sameLocal(toLocal(new Date(instant), timeZone), local))
    .sort((a, b) => a - b);
  return candidates.length === 0 ? { gap: true } : { gap: false, instant: new Date(candidates[0]!) };
}

function sameLocal(a: LocalTime, b: LocalTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

/** "YYYY-MM-DDTHH:mm" → LocalTime, or null when it is not a real calendar date and time. */
export function parseLocalTime(value: string): LocalTime | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

/** LocalTime → "YYYY-MM-DDTHH:mm". */
export function formatLocalTime(local: LocalTime): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}`;
}

/** The calendar day `days` after the given one (month lengths and years handled). */
export function addDays(local: Pick<LocalTime, 'year' | 'month' | 'day'>, days: number): { year: number; month: number; day: number; weekday: number } {
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}
