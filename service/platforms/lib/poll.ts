import { isPlatformError } from './errors.js';

/** Waits `ms`, or rejects as soon as `signal` aborts (the publisher's lease ran out, shutdown). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** How a read-only request is retried inside an adapter. */
export interface ReadRetry {
  /** Tries in all, the first included. Default 4. */
  attempts?: number;
  /** Wait before the second try; doubles each time, and a network's Retry-After wins when longer. Default 500 ms. */
  baseDelayMs?: number;
  /** A Retry-After longer than this is not waited for here: the error goes to the publisher, which reschedules. Default 30 s. */
  maxWaitMs?: number;
  signal?: AbortSignal;
}

/**
 * Runs a READ-ONLY request (a processing-status poll, an "is it there?" check) again when it fails
 * transiently or is rate limited: such a request changes nothing, so repeating it is always safe. Never
 * wrap the request that creates the post in this (DESIGN.md convention 5: irreversible steps are not
 * blindly retried). Other failures, and the last transient one, are thrown as they are.
 */
export async function retryRead<T>(read: () => Promise<T>, options: ReadRetry = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  let delay = options.baseDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const retryable = isPlatformError(error) && (error.kind === 'transient' || error.kind === 'rate_limited');
      const wait = retryable ? Math.max(delay, error.retryAfterMs ?? 0) : 0;
      if (!retryable || attempt >= attempts || wait > (options.maxWaitMs ?? 30_000)) throw error;
      await sleep(wait, options.signal);
      delay *= 2;
    }
  }
}
