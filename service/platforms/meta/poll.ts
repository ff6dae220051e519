import { isPlatformError, PlatformError } from '../lib/errors.js';
import { sleep } from '../lib/poll.js';

/** How patiently an adapter waits for a network's asynchronous processing (containers, videos). */
export interface PollTiming {
  /** The first wait; each later wait doubles, up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** After this long, give up for now: a later attempt resumes from the checkpoint. */
  maxWaitMs: number;
  /** Read-only polls that fail transiently (5xx, timeout, 429) are retried this many times in a row. */
  retries: number;
}

/** Meta suggests polling containers about once a minute for videos; we start quicker and back off. */
export const DEFAULT_POLL_TIMING: PollTiming = { firstDelayMs: 1_000, maxDelayMs: 10_000, maxWaitMs: 120_000, retries: 3 };


/**
 * Runs a read-only request, retrying it when it fails transiently or is throttled (never used for a
 * request that creates anything). Other failures (auth, invalid content) are thrown at once.
 */
export async function retryRead<T>(read: () => Promise<T>, timing: PollTiming, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const retriable = isPlatformError(error) && (error.kind === 'transient' || error.kind === 'rate_limited');
      if (!retriable || attempt >= timing.retries) throw error;
      const wait = error.kind === 'rate_limited' && error.retryAfterMs ? error.retryAfterMs : timing.firstDelayMs * 2 ** attempt;
      await sleep(Math.min(wait, timing.maxDelayMs), signal);
    }
  }
}

/**
 * Polls `check` (read-only, retried as retryRead does) until it returns a value other than undefined.
 * After `timing.maxWaitMs` it throws a transient PlatformError saying what is still processing, so the
 * publisher tries again later and the adapter resumes from its checkpoint.
 */
export async function pollUntil<T>(check: () => Promise<T | undefined>, timing: PollTiming, what: string, signal?: AbortSignal): Promise<T> {
  const deadline = Date.now() + timing.maxWaitMs;
  let delay = timing.firstDelayMs;
  for (;;) {
    const result = await retryRead(check, timing, signal);
    if (result !== undefined) return result;
    if (Date.now() + delay > deadline) {
      throw new PlatformError('transient', `${what} is still processing. We will check again shortly.`);
    }
    await sleep(delay, signal);
    delay = Math.min(delay * 2, timing.maxDelayMs);
  }
}
