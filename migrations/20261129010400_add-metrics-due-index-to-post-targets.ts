import type { Knex } from 'knex';

/** The metrics job's query: recently published targets, the least recently measured first. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create index post_targets_metrics_due_idx on post_targets (metrics_fetched_at nulls first, published_at) where status = 'published'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index post_targets_metrics_due_idx');
}
