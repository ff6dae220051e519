import { canonicalTimeZone, formatLocalTime, toLocal } from '#shared/time/zones.js';
import { formatDate } from './i18n/index.js';

/**
 * Times in the popup are the WORKSPACE's wall clock, not the browser's: "Schedule at…" is read by the
 * service in the workspace's time zone, so the popup shows and checks it there too (Intl knows the zones).
 */

/** True when `timeZone` is a zone this browser knows. */
export function isKnownZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== null;
}

/** The wall-clock time in `timeZone` at `date`, as YYYY-MM-DDTHH:mm (a datetime-local input's value). */
export function wallClock(date: Date, timeZone: string): string {
  return formatLocalTime(toLocal(date, timeZone));
}

/** "Tue, Dec 2, 09:30" (German: "Di., 2. Dez., 09:30") for an instant, read in `timeZone`, in the chosen language. */
export function formatInZone(iso: string, timeZone: string): string {
  return formatDate(iso, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** "Tue, Dec 2, 09:30" for a wall-clock time YYYY-MM-DDTHH:mm, as written (no zone arithmetic), in the chosen language. */
export function formatWallClock(localTime: string): string {
  const [date, time] = localTime.split('T');
  const [year, month, day] = (date ?? '').split('-').map(Number);
  const asUtc = new Date(Date.UTC(year!, month! - 1, day!));
  const dayText = formatDate(asUtc, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
  return `${dayText}, ${time}`;
}

/** The zone with its current offset, e.g. "Europe/Berlin (GMT+1)". */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  try {
    const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
    return offset ? `${timeZone} (${offset})` : timeZone;
  } catch {
    return timeZone;
  }
}
