/** How a batcher groups items; see NaturalBatcher. */
export interface BatcherOptions<Item> {
  /**
   * One batch runs at a time, so that items arriving meanwhile gather into the next, larger one; another
   * starts beside it only when every running batch has taken longer than `stalledAfterMs` (waiting on a
   * lock, say), up to `maxInFlight` at once, so one slow batch does not hold up everything behind it.
   */
  maxInFlight: number;
  stalledAfterMs: number;
  /** The most items in one batch. */
  maxBatch: number;
  /**
   * Items with the same key never share a batch (the later one waits for the next), for statements
   * whose result cannot tell two such items apart.
   */
  keyOf?: (item: Item) => string;
}

interface Pending<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Natural batching ("group commit" in the application): an item is run at once when no batch is
 * running, so a lone request waits for nothing; under load, the items that arrive while a batch runs go
 * together in the next one, so one statement, one round trip and one commit serve them all and the cost
 * per item falls as the load rises. `run` answers one result per item, in order.
 *
 * A batch that fails is retried item by item, so a bad item fails only its own caller.
 */
export class NaturalBatcher<Item, Result> {
  private readonly queue: Array<Pending<Item, Result>> = [];
  /** When each running batch started (performance.now()). */
  private readonly running = new Set<{ started: number }>();
  private flushScheduled = false;

  constructor(
    private readonly run: (items: Item[]) => Promise<Result[]>,
    private readonly options: BatcherOptions<Item>,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // Deferred to the check phase, so the items whose requests completed in the same poll of the event
      // loop go out together rather than one by one.
      if (!this.flushScheduled && this.canStart()) {
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          this.flush();
        });
      }
    });
  }

  private canStart(): boolean {
    if (this.running.size === 0) return true;
    if (this.running.size >= this.options.maxInFlight) return false;
    const now = performance.now();
    for (const batch of this.running) if (now - batch.started < this.options.stalledAfterMs) return false;
    return true;
  }

  private flush(): void {
    while (this.queue.length > 0 && this.canStart()) {
      const batch = this.take();
      const slot = { started: performance.now() };
      this.running.add(slot);
      // Looks again once this batch counts as stalled, for the items that may be waiting behind it.
      const stalled = setTimeout(() => this.flush(), this.options.stalledAfterMs + 1);
      stalled.unref();
      void this.runBatch(batch).finally(() => {
        clearTimeout(stalled);
        this.running.delete(slot);
        this.flush();
      });
    }
  }

  private take(): Array<Pending<Item, Result>> {
    const { keyOf, maxBatch } = this.options;
    if (!keyOf) return this.queue.splice(0, maxBatch);
    const batch: Array<Pending<Item, Result>> = [];
    const keys = new Set<string>();
    for (let index = 0; index < this.queue.length && batch.length < maxBatch; ) {
      const key = keyOf(this.queue[index]!.item);
      if (keys.has(key)) {
        index++;
        continue;
      }
      keys.add(key);
      batch.push(...this.queue.splice(index, 1));
    }
    return batch;
  }

  private async runBatch(batch: Array<Pending<Item, Result>>): Promise<void> {
    try {
      const results = await this.run(batch.map((pending) => pending.item));
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${results.length} results`);
      batch.forEach((pending, index) => pending.resolve(results[index]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      await Promise.all(batch.map((pending) => this.runBatch([pending])));
    }
  }
}
