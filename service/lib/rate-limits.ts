import type { Knex } from 'knex';

/** At most `limit` events per fixed window of `windowSeconds`. */
export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

/** Where a key stands in its current window. */
export interface RateLimitState {
  count: number;
  /** Seconds until the window ends and the count starts again. */
  retryAfterSeconds: number;
}

// Windows are aligned on the database clock, so every instance agrees on where a window starts.
const WINDOW_START = 'to_timestamp(floor(extract(epoch from now()) / ?) * ?)';
const RETRY_AFTER = 'greatest(1, ceil(extract(epoch from (window_start + make_interval(secs => ?)) - now())))::int';

/** Counts one event for `key` and returns the new count (counted in Postgres: shared by all instances). */
export async function hitRateLimit(knex: Knex, key: string, rule: RateLimitRule): Promise<RateLimitState> {
  const { windowSeconds: w } = rule;
  const result = await knex.raw<{ rows: { count: number; retryAfter: number }[] }>(
    `insert into rate_limit_buckets (key, window_start, count) values (?, ${WINDOW_START}, 1)
     on conflict (key, window_start) do update set count = rate_limit_buckets.count + 1
     returning count, ${RETRY_AFTER} as "retryAfter"`,
    [key, w, w, w],
  );
  const row = result.rows[0]!;
  if (row.count === 1) {
    // A new window: drop expired buckets so the table stays a day's worth of counters.
    await knex.raw(`delete from rate_limit_buckets where window_start < now() - interval '1 day'`);
  }
  return { count: row.count, retryAfterSeconds: row.retryAfter };
}

/** The current count for `key` without counting anything. */
export async function peekRateLimit(knex: Knex, key: string, rule: RateLimitRule): Promise<RateLimitState> {
  const { windowSeconds: w } = rule;
  const result = await knex.raw<{ rows: { count: number; retryAfter: number }[] }>(
    `select count, ${RETRY_AFTER} as "retryAfter" from rate_limit_buckets
     where key = ? and window_start = ${WINDOW_START}`,
    [w, key, w, w],
  );
  const row = result.rows[0];
  return row ? { count: row.count, retryAfterSeconds: row.retryAfter } : { count: 0, retryAfterSeconds: 0 };
}
