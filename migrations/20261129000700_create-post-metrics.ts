import type { Knex } from 'knex';

/**
 * Engagement numbers of a published target as the network reported them at `fetched_at`; a series, so a
 * post's numbers can be shown over time. A network that does not offer a figure leaves it null.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table post_metrics (
      target_id uuid not null references post_targets (id) on delete cascade,
      fetched_at timestamptz not null default now(),
      likes bigint check (likes >= 0),
      comments bigint check (comments >= 0),
      shares bigint check (shares >= 0),
      views bigint check (views >= 0),
      impressions bigint check (impressions >= 0),
      primary key (target_id, fetched_at)
    );
    alter table post_targets add column metrics_fetched_at timestamptz
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table post_targets drop column metrics_fetched_at; drop table post_metrics');
}
