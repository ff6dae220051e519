import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from './i18n/index.js';
import { formatInZone, formatWallClock, isKnownZone, wallClock, zoneLabel } from './popup-time.js';

afterEach(() => setLocale('en'));

describe('popup times', () => {
  it('reads an instant on the workspace’s wall clock, across a DST change', () => {
    expect(wallClock(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29T01:30');
    expect(wallClock(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:30');
    expect(wallClock(new Date('2026-03-29T01:30:00Z'), 'America/New_York')).toBe('2026-03-28T21:30');
  });

  it('formats times people read, in the chosen language, with the zone and its offset', async () => {
    await setLocale('en');
    expect(formatInZone('2030-01-08T08:30:00.000Z', 'Europe/Berlin')).toBe('Tue, Jan 8, 09:30');
    expect(formatWallClock('2030-01-08T09:30')).toBe('Tue, Jan 8, 09:30');
    await setLocale('de');
    expect(formatInZone('2030-01-08T08:30:00.000Z', 'Europe/Berlin')).toBe('Di., 8. Jan., 09:30');
    expect(formatWallClock('2030-01-08T09:30')).toBe('Di., 8. Jan., 09:30');
    expect(zoneLabel('Europe/Berlin', new Date('2030-07-01T00:00:00Z'))).toBe('Europe/Berlin (GMT+2)');
  });

  it('knows which zones exist', () => {
    expect(isKnownZone('Asia/Kolkata')).toBe(true);
    expect(isKnownZone('Mars/Olympus')).toBe(false);
  });
});
