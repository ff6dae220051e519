import type { Knex } from 'knex';

/**
 * Videos and PDFs may have a preview too: an imported Canva design or Drive file arrives with the
 * vendor's own thumbnail (the design's, Drive's thumbnailLink), stored as a WebP like an image's.
 * `media_only_images_have_thumbnails` gives way to a rule that still says something: a thumbnail is the
 * medium's own, stored beside its file (`…/{mediaId}/thumbnail` next to `…/{mediaId}/original`), so one
 * row can never point at another medium's preview. Images still must have one
 * (`media_images_have_size_and_thumbnail`, unchanged). Down: previews of videos and PDFs are dropped
 * from the rows first (their stored files stay until the media are deleted).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table media drop constraint media_only_images_have_thumbnails;
    alter table media add constraint media_thumbnail_beside_its_file check (
      thumbnail_key is null or (storage_key like '%/original' and thumbnail_key = left(storage_key, -char_length('original')) || 'thumbnail'))
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table media drop constraint media_thumbnail_beside_its_file;
    update media set thumbnail_key = null where kind <> 'image' and thumbnail_key is not null;
    alter table media add constraint media_only_images_have_thumbnails check (thumbnail_key is null or kind = 'image')
  `);
}
