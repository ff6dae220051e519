import { describe, expect, it } from 'vitest';
import { BASE_DELAY_MS, MAX_DELAY_MS, retryDelayMs } from '../backoff.js';
import { classifyResendError, parseRetryAfter } from './resend.js';

describe('classifying Resend failures', () => {
  const error = (statusCode: number | null, name = 'application_error') => ({ statusCode, name, message: 'm' });

  it('retries what a later attempt can fix: no response, 408, 429, 5xx, key problems, a concurrent request with the same key', () => {
    for (const [status, name] of [[null], [408], [429, 'rate_limit_exceeded'], [429, 'daily_quota_exceeded'], [500], [503], [401, 'missing_api_key'], [403, 'invalid_api_key'], [409, 'concurrent_idempotent_requests']] as const) {
      expect(classifyResendError(error(status, name), null), `${status} ${name}`).toMatchObject({ ok: false, kind: 'transient' });
    }
  });

  it('fails at once what Resend will refuse again: validation, bad from address, same key with other content', () => {
    for (const [status, name] of [[422, 'validation_error'], [422, 'invalid_from_address'], [400, 'validation_error'], [409, 'invalid_idempotent_request'], [404, 'not_found']] as const) {
      expect(classifyResendError(error(status, name), null), `${status} ${name}`).toMatchObject({ ok: false, kind: 'permanent' });
    }
  });

  it('reads Retry-After as seconds or an HTTP date, and clamps it', () => {
    expect(classifyResendError(error(429, 'rate_limit_exceeded'), { 'retry-after': '3' })).toMatchObject({ retryAfterMs: 3000 });
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('999999', now)).toBe(6 * 60 * 60 * 1000);
  });
});

describe('retry delays', () => {
  it('double from 30 s up to an hour, with jitter that never goes below half', () => {
    expect(retryDelayMs(1, undefined, () => 0)).toBe(BASE_DELAY_MS / 2);
    expect(retryDelayMs(1, undefined, () => 1)).toBe(BASE_DELAY_MS);
    expect(retryDelayMs(3, undefined, () => 1)).toBe(4 * BASE_DELAY_MS);
    expect(retryDelayMs(30, undefined, () => 1)).toBe(MAX_DELAY_MS);
    const spread = new Set(Array.from({ length: 20 }, () => Math.round(retryDelayMs(2))));
    expect(spread.size).toBeGreaterThan(10);
  });

  it('never retry earlier than Retry-After asks', () => {
    expect(retryDelayMs(5, 2000, () => 0)).toBe(2000);
    expect(retryDelayMs(5, 2000, () => 1)).toBe(2200);
  });
});
