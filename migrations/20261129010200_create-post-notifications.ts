import type { Knex } from 'knex';

/**
 * Which status emails a post has had (P10: each once per post). The row is written when the decision is
 * made — email enqueued, or skipped because its author turned the kind off — so a post is never looked
 * at twice, whichever instance runs the job.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table post_notifications (
      post_id uuid not null references posts (id) on delete cascade,
      kind text not null check (kind in ('post-scheduled', 'post-failed')),
      created_at timestamptz not null default now(),
      primary key (post_id, kind)
    )
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table post_notifications');
}
