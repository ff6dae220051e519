import { type Bilingual, bilingual } from '#shared/i18n.js';
import { HttpError } from '../errors.js';

/** 429 rate_limited with Retry-After and a sentence that says how long to wait (after `reason`, a sentence). */
export function rateLimitedError(reason: Bilingual, retryAfterSeconds: number): HttpError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const wait = minutes === 1 ? { en: 'a minute', de: 'eine Minute' } : bilingual({ en: '{minutes} minutes', de: '{minutes} Minuten' }, { minutes });
  const said = bilingual({ en: '{reason} Please wait {wait} and try again.', de: '{reason} Bitte warten Sie {wait} und versuchen Sie es dann noch einmal.' }, { reason, wait });
  return new HttpError('rate_limited', said).withHeader('Retry-After', String(retryAfterSeconds));
}
