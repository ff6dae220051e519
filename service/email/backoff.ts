/** First retry after about this long; each further attempt doubles it. */
export const BASE_DELAY_MS = 30_000;
/** No wait between attempts grows beyond this. */
export const MAX_DELAY_MS = 60 * 60 * 1000;

/**
 * How long to wait before the next attempt after `attempts` failed ones: exponential (30 s, 1 min, 2 min …
 * up to 1 h) with "equal jitter" (half fixed, half random), so emails that failed together (a Resend
 * outage) do not all come back in the same second. A Retry-After from the provider wins, plus up to
 * 10% jitter — never earlier than it asked.
 */
export function retryDelayMs(attempts: number, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return retryAfterMs + random() * Math.max(retryAfterMs * 0.1, 100);
  const exponential = Math.min(BASE_DELAY_MS * 2 ** Math.max(attempts - 1, 0), MAX_DELAY_MS);
  return exponential / 2 + random() * (exponential / 2);
}
