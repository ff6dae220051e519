import { describe, expect, it } from 'vitest';
import { NaturalBatcher } from './natural-batcher.js';

/** A batch runner that records each batch and finishes it only when the test says so. */
function controlledRunner() {
  const batches: Array<{ items: string[]; finish(): void; fail(error: Error): void }> = [];
  const run = (items: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push({ items, finish: () => resolve(items.map((item) => `done:${item}`)), fail: reject });
    });
  return { batches, run };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('NaturalBatcher', () => {
  it('runs a lone item at once, in a batch of its own', async () => {
    const { batches, run } = controlledRunner();
    const batcher = new NaturalBatcher(run, { maxInFlight: 4, stalledAfterMs: 1_000, maxBatch: 10 });
    const result = batcher.submit('a');
    await tick();
    expect(batches.map((b) => b.items)).toEqual([['a']]);
    batches[0]!.finish();
    await expect(result).resolves.toBe('done:a');
  });

  it('gathers the items that arrive while a batch runs into the next one, in order, each answered with its own result', async () => {
    const { batches, run } = controlledRunner();
    const batcher = new NaturalBatcher(run, { maxInFlight: 4, stalledAfterMs: 1_000, maxBatch: 10 });
    const first = batcher.submit('a');
    await tick();
    const later = ['b', 'c', 'd'].map((item) => batcher.submit(item));
    await tick();
    expect(batches.map((b) => b.items)).toEqual([['a']]);
    batches[0]!.finish();
    await first;
    await tick();
    expect(batches.map((b) => b.items)).toEqual([['a'], ['b', 'c', 'd']]);
    batches[1]!.finish();
    await expect(Promise.all(later)).resolves.toEqual(['done:b', 'done:c', 'done:d']);
  });

  it('never puts more than maxBatch items, or two items with the same key, in one batch', async () => {
    const { batches, run } = controlledRunner();
    const batcher = new NaturalBatcher(run, { maxInFlight: 1, stalledAfterMs: 1_000, maxBatch: 3, keyOf: (item: string) => item[0]! });
    const results = ['x1', 'y1', 'x2', 'z1', 'w1', 'x3'].map((item) => batcher.submit(item));
    for (let round = 0; round < 3; round++) {
      await tick();
      batches[round]!.finish();
      await tick();
    }
    expect(batches.map((b) => b.items)).toEqual([['x1', 'y1', 'z1'], ['x2', 'w1'], ['x3']]);
    await expect(Promise.all(results)).resolves.toHaveLength(6);
  });

  it('when a batch fails, retries its items one by one so only the bad one fails', async () => {
    const seen: string[][] = [];
    const batcher = new NaturalBatcher(
      async (items: string[]) => {
        seen.push(items);
        if (items.includes('bad')) throw new Error('violates a constraint');
        return items.map((item) => item.toUpperCase());
      },
      { maxInFlight: 1, stalledAfterMs: 1_000, maxBatch: 10 },
    );
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((item) => batcher.submit(item)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['A', 'violates a constraint', 'C']);
    expect(seen[0]).toEqual(['a', 'bad', 'c']);
    expect(seen.slice(1).sort()).toEqual([['a'], ['bad'], ['c']]);
  });

  it('a batch answering the wrong number of results fails rather than mixing answers up', async () => {
    const batcher = new NaturalBatcher(async () => ['only one'], { maxInFlight: 1, stalledAfterMs: 1_000, maxBatch: 10 });
    await expect(batcher.submit('a')).resolves.toBe('only one');
    const both = await Promise.allSettled([batcher.submit('b'), batcher.submit('c')]);
    // Together they get one result for two items, so each is retried alone and gets its own.
    expect(both.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const empty = new NaturalBatcher(async () => [], { maxInFlight: 1, stalledAfterMs: 1_000, maxBatch: 10 });
    await expect(empty.submit('a')).rejects.toThrow('a batch of 1 answered 0 results');
  });

  it('starts another batch beside one that has stalled, and not before', async () => {
    const { batches, run } = controlledRunner();
    const batcher = new NaturalBatcher(run, { maxInFlight: 2, stalledAfterMs: 40, maxBatch: 10 });
    void batcher.submit('slow');
    await tick();
    const waiting = batcher.submit('next');
    await tick();
    expect(batches).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(batches.map((b) => b.items)).toEqual([['slow'], ['next']]);
    // At maxInFlight, even stalled batches hold the rest back.
    const third = batcher.submit('third');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(batches).toHaveLength(2);
    batches[1]!.finish();
    await expect(waiting).resolves.toBe('done:next');
    await tick();
    expect(batches.map((b) => b.items)).toEqual([['slow'], ['next'], ['third']]);
    batches[0]!.finish();
    batches[2]!.finish();
    await expect(third).resolves.toBe('done:third');
  });
});
