import type { Knex } from 'knex';

/**
 * A person's avatar (P1): the stored image, its square thumbnail (what members see, P14), its type and
 * where it came from ('upload', or 'import' from Google sign-in, which never replaces an upload).
 * All four are set together or not at all.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table users
      add column avatar_key text,
      add column avatar_thumbnail_key text,
      add column avatar_mime_type text check (avatar_mime_type in ('image/jpeg', 'image/png', 'image/gif', 'image/webp')),
      add column avatar_source text check (avatar_source in ('upload', 'import')),
      add constraint users_avatar_all_or_nothing check (
        (avatar_key is null) = (avatar_thumbnail_key is null)
        and (avatar_key is null) = (avatar_mime_type is null)
        and (avatar_key is null) = (avatar_source is null)
      )
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table users
      drop constraint users_avatar_all_or_nothing,
      drop column avatar_key,
      drop column avatar_thumbnail_key,
      drop column avatar_mime_type,
      drop column avatar_source
  `);
}
