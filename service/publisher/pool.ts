/** Limits of a TaskPool: in flight at once in all, per group (a network) and per key (an account). */
export interface PoolLimits {
  total: number;
  perGroup: number;
  perKey: number;
}

/**
 * Runs tasks with bounded concurrency in all, per group and per key. Tasks wait in arrival order; one
 * whose group or key is busy lets later ones of other groups or keys start first. `run` must not throw
 * (the publisher turns every failure into an outcome); a throw is reported to `onError`.
 */
export class TaskPool<T> {
  private readonly waiting: T[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly groups = new Map<string, number>();
  private readonly keys = new Map<string, number>();
  private readonly waiters: (() => void)[] = [];
  private held = false;

  constructor(
    private readonly limits: PoolLimits,
    private readonly describe: (item: T) => { group: string; key: string },
    private readonly run: (item: T) => Promise<void>,
    private readonly onError: (error: unknown, item: T) => void,
  ) {}

  /** Tasks waiting or running. */
  get size(): number {
    return this.waiting.length + this.running.size;
  }

  add(items: readonly T[]): void {
    this.waiting.push(...items);
    this.pump();
  }

  /** Starts no further task (shutdown): those waiting stay waiting until `takeWaiting` hands them back. */
  hold(): void {
    this.held = true;
  }

  /** Removes and returns the tasks that have not started (on shutdown, to hand them back). */
  takeWaiting(): T[] {
    return this.waiting.splice(0);
  }

  /** Resolves when some running task finishes (at once when none is running). */
  async next(): Promise<void> {
    if (this.running.size === 0) return;
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Resolves when every task added so far has finished. */
  async drain(): Promise<void> {
    while (this.size > 0) await this.next();
  }

  private pump(): void {
    if (this.held) return;
    for (let index = 0; index < this.waiting.length && this.running.size < this.limits.total; ) {
      const item = this.waiting[index]!;
      const { group, key } = this.describe(item);
      if ((this.groups.get(group) ?? 0) >= this.limits.perGroup || (this.keys.get(key) ?? 0) >= this.limits.perKey) {
        index++;
        continue;
      }
      this.waiting.splice(index, 1);
      this.start(item, group, key);
    }
  }

  private start(item: T, group: string, key: string): void {
    adjust(this.groups, group, 1);
    adjust(this.keys, key, 1);
    const task: Promise<void> = this.run(item)
      .catch((error: unknown) => this.onError(error, item))
      .finally(() => {
        this.running.delete(task);
        adjust(this.groups, group, -1);
        adjust(this.keys, key, -1);
        this.pump();
        for (const wake of this.waiters.splice(0)) wake();
      });
    this.running.add(task);
  }
}

function adjust(counts: Map<string, number>, name: string, by: number): void {
  const value = (counts.get(name) ?? 0) + by;
  if (value === 0) counts.delete(name);
  else counts.set(name, value);
}
