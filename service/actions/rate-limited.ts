import { HttpError } from '../errors.js';

/** 429 rate_limited with Retry-After and a sentence that says how long to wait. */
export function rateLimitedError(reason: string, retryAfterSeconds: number): HttpError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const wait = minutes === 1 ? 'a minute' : `${minutes} minutes`;
  return new HttpError('rate_limited', `${reason} Please wait ${wait} and try again.`).withHeader('Retry-After', String(retryAfterSeconds));
}
