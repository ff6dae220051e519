/**
 * Graph's timestamps (`2026-11-29T10:00:00+0000`) as epoch milliseconds; NaN when unreadable.
 * The offset without a colon is not ISO 8601 for every parser, so it is normalised first.
 */
export function parseGraphTime(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

/** Clocks differ between us and the network; a post created this long before `since` still counts. */
export const CLOCK_SLACK_MS = 5 * 60_000;
