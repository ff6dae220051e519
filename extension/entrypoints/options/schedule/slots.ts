import type { PostingSlot } from '#shared/api/publishing.js';
import { formatDate } from '../../../lib/i18n/index.js';

/**
 * Weekdays as the week reads in the options page, Monday first (PostingSlot counts 0 = Sunday), named
 * in the chosen language (1 January 2024 was a Monday).
 */
export function week(): Array<{ weekday: number; name: string }> {
  return [1, 2, 3, 4, 5, 6, 0].map((weekday, index) => ({ weekday, name: formatDate(Date.UTC(2024, 0, 1 + index), { weekday: 'long', timeZone: 'UTC' }) }));
}

const key = (slot: PostingSlot) => `${slot.weekday} ${slot.time}`;

/** The slots of one weekday, earliest first. */
export function slotsOf(slots: readonly PostingSlot[], weekday: number): PostingSlot[] {
  return slots.filter((slot) => slot.weekday === weekday).sort((a, b) => a.time.localeCompare(b.time));
}

/** Adds a slot unless it is already there (the service refuses duplicates). */
export function addSlot(slots: readonly PostingSlot[], slot: PostingSlot): PostingSlot[] {
  return slots.some((existing) => key(existing) === key(slot)) ? [...slots] : [...slots, slot];
}

export function removeSlot(slots: readonly PostingSlot[], slot: PostingSlot): PostingSlot[] {
  return slots.filter((existing) => key(existing) !== key(slot));
}

/** Monday's times copied to every weekday through Friday (a common schedule set in one click). */
export function copyMondayToWeekdays(slots: readonly PostingSlot[]): PostingSlot[] {
  const monday = slotsOf(slots, 1);
  const rest = slots.filter((slot) => slot.weekday === 0 || slot.weekday === 6 || slot.weekday === 1);
  return [...rest, ...[2, 3, 4, 5].flatMap((weekday) => monday.map((slot) => ({ weekday, time: slot.time })))];
}

/** Same slots, whatever their order. */
export function sameSlots(a: readonly PostingSlot[], b: readonly PostingSlot[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(key));
  return b.every((slot) => keys.has(key(slot)));
}

/** Every IANA time zone the browser knows, with `current` first among them even if it is unusual. */
export function timeZoneChoices(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}
