import { describe, expect, it } from 'vitest';
import { addDays, canonicalTimeZone, formatLocalTime, fromLocal, parseLocalTime, toLocal } from './zones.js';

const at = (value: string, zone: string) => fromLocal(parseLocalTime(value)!, zone);

describe('time zones', () => {
  it('turns a Berlin wall-clock time into UTC in winter and in summer', () => {
    expect(at('2026-01-15T09:30', 'Europe/Berlin')).toEqual({ gap: false, instant: new Date('2026-01-15T08:30:00Z') });
    expect(at('2026-07-15T09:30', 'Europe/Berlin')).toEqual({ gap: false, instant: new Date('2026-07-15T07:30:00Z') });
  });

  it('reports a time in the spring-forward gap as not existing (Berlin 2026-03-29 02:30)', () => {
    expect(at('2026-03-29T02:30', 'Europe/Berlin')).toEqual({ gap: true });
    expect(at('2026-03-29T01:59', 'Europe/Berlin')).toEqual({ gap: false, instant: new Date('2026-03-29T00:59:00Z') });
    expect(at('2026-03-29T03:00', 'Europe/Berlin')).toEqual({ gap: false, instant: new Date('2026-03-29T01:00:00Z') });
  });

  it('takes the first occurrence of an ambiguous fall-back time (Berlin 2026-10-25 02:30 is 00:30 UTC, not 01:30)', () => {
    expect(at('2026-10-25T02:30', 'Europe/Berlin')).toEqual({ gap: false, instant: new Date('2026-10-25T00:30:00Z') });
    expect(toLocal(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 2, minute: 30 });
  });

  it('handles zones with half-hour offsets and the southern hemisphere', () => {
    expect(at('2026-06-01T12:00', 'Asia/Kolkata')).toEqual({ gap: false, instant: new Date('2026-06-01T06:30:00Z') });
    expect(at('2026-01-10T12:00', 'Australia/Sydney')).toEqual({ gap: false, instant: new Date('2026-01-10T01:00:00Z') });
    expect(at('2026-10-04T02:30', 'Australia/Sydney')).toEqual({ gap: true });
  });

  it('parses only real calendar times, and formats them back', () => {
    expect(parseLocalTime('2026-02-30T10:00')).toBeNull();
    expect(parseLocalTime('2026-02-10T24:00')).toBeNull();
    expect(parseLocalTime('2026-2-10T10:00')).toBeNull();
    expect(formatLocalTime(parseLocalTime('2026-02-10T07:05')!)).toBe('2026-02-10T07:05');
    expect(addDays({ year: 2026, month: 12, day: 30 }, 3)).toEqual({ year: 2027, month: 1, day: 2, weekday: 6 });
  });

  it('knows IANA names and gives their canonical spelling', () => {
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
  });
});
