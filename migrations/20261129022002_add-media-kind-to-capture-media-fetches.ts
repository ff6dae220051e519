import type { Knex } from 'knex';

/**
 * What a capture's fetch brings into the library: the image of an image capture or the video of a video
 * capture (which types and which size limit apply, and how its failures are worded). Existing rows are images.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table capture_media_fetches add column media_kind text not null default 'image' check (media_kind in ('image', 'video'))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table capture_media_fetches drop column media_kind');
}
