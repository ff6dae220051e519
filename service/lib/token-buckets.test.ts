import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-buckets.js';

describe('TokenBuckets', () => {
  it('allows a burst of the capacity, then one per refill interval, and says how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets(3, 60, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    // 3 per minute: one token every 20 s.
    expect(buckets.take('a')).toBe(20);
    expect(buckets.take('b')).toBe(0);
    now = 19_000;
    expect(buckets.take('a')).toBe(1);
    now = 20_500;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(20);
  });

  it('forgets clients whose bucket has filled up again, so memory follows active clients', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, 60, () => now);
    for (let client = 0; client < 1000; client += 1) buckets.take(`client-${client}`);
    expect(buckets.size).toBe(1000);
    now = 61_000;
    buckets.take('late');
    expect(buckets.size).toBe(1);
  });
});
