import type { Knex } from 'knex';

/**
 * Fixed-window counters for rate limits (log-in per IP and per account). They live in Postgres so every
 * instance behind a load balancer counts against the same limit.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table rate_limit_buckets (
      key text not null check (char_length(key) <= 200),
      window_start timestamptz not null,
      count integer not null default 0 check (count >= 0),
      primary key (key, window_start)
    )
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table rate_limit_buckets');
}
