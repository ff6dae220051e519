/**
 * Token buckets kept in this process: each key may spend `capacity` requests at once and gets
 * `capacity` back per `windowSeconds`, continuously. Idle keys are forgotten, so memory follows the
 * number of active clients, not every client ever seen.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #perMs: number;
  #lastSweep = 0;

  constructor(
    readonly capacity: number,
    readonly windowSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#perMs = capacity / (windowSeconds * 1000);
  }

  /** Spends one token of `key`: 0 when allowed, else the seconds until a token is back. */
  take(key: string): number {
    const now = this.now();
    this.#sweep(now);
    const bucket = this.#buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.#perMs);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
  }

  /** How many keys are tracked (for tests and metrics). */
  get size(): number {
    return this.#buckets.size;
  }

  // Once per window, drop buckets that have refilled completely: they hold nothing worth keeping.
  #sweep(now: number): void {
    if (now - this.#lastSweep < this.windowSeconds * 1000) return;
    this.#lastSweep = now;
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.at) * this.#perMs >= this.capacity) this.#buckets.delete(key);
    }
  }
}
