import type { Knex } from 'knex';

/** Renames every constraint of the table (and so the primary key's index) from one prefix to the other. */
function renameConstraints(from: string, to: string): string {
  return `
    do $$
    declare c record;
    begin
      for c in select conname from pg_constraint where conrelid = 'capture_media_fetches'::regclass and conname like '${from}%' loop
        execute format('alter table capture_media_fetches rename constraint %I to %I', c.conname, '${to}' || substr(c.conname, ${from.length + 1}));
      end loop;
    end $$`;
}

/**
 * Video captures are fetched into the library like image captures, by the same job: the table of image
 * fetches becomes the table of media fetches, its image_url the media_url (names of its index and
 * constraints follow).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table capture_image_fetches rename to capture_media_fetches;
    alter table capture_media_fetches rename column image_url to media_url;
    alter index capture_image_fetches_due_idx rename to capture_media_fetches_due_idx;
    ${renameConstraints('capture_image_fetches', 'capture_media_fetches')};
    alter table capture_media_fetches rename constraint capture_media_fetches_image_url_check to capture_media_fetches_media_url_check
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table capture_media_fetches rename constraint capture_media_fetches_media_url_check to capture_media_fetches_image_url_check;
    ${renameConstraints('capture_media_fetches', 'capture_image_fetches')};
    alter index capture_media_fetches_due_idx rename to capture_image_fetches_due_idx;
    alter table capture_media_fetches rename column media_url to image_url;
    alter table capture_media_fetches rename to capture_image_fetches
  `);
}
