import { describe, expect, it } from 'vitest';
import { rateLimitedError } from './rate-limited.js';

describe('rateLimitedError', () => {
  it('says how long to wait in whole minutes, "a minute" under one, with the exact seconds in Retry-After', () => {
    const reason = { en: 'Too many tries.', de: 'Zu viele Versuche.' };
    const soon = rateLimitedError(reason, 12);
    expect([soon.status, soon.code, soon.message, soon.headers['Retry-After']]).toEqual([429, 'rate_limited', 'Too many tries. Please wait a minute and try again.', '12']);
    const later = rateLimitedError(reason, 61);
    expect([later.message, later.headers['Retry-After']]).toEqual(['Too many tries. Please wait 2 minutes and try again.', '61']);
    expect(later.text.de).toBe('Zu viele Versuche. Bitte warten Sie 2 Minuten und versuchen Sie es dann noch einmal.');
  });
});
