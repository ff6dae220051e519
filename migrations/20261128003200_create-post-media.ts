import type { Knex } from 'knex';

/**
 * The media of a post, in order. The composite foreign keys make it impossible for a post to use media
 * of another workspace. Positions are unique per post; the constraint is checked at the end of each
 * statement (deferrable), so reordering or inserting at the front is one UPDATE.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table post_media (
      workspace_id uuid not null,
      post_id uuid not null,
      media_id uuid not null,
      position integer not null check (position >= 0),
      primary key (post_id, media_id),
      constraint post_media_post_fk foreign key (workspace_id, post_id) references posts (workspace_id, id) on delete cascade,
      constraint post_media_media_fk foreign key (workspace_id, media_id) references media (workspace_id, id) on delete cascade,
      constraint post_media_position_unique unique (post_id, position) deferrable initially immediate
    );
    -- "Which posts use this medium?" (the delete guard).
    create index post_media_media_id_idx on post_media (media_id)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table post_media');
}
