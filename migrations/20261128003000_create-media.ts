import type { Knex } from 'knex';

/**
 * Files of a workspace's media library (P4). The type is what the bytes say (magic numbers), so the
 * CHECKs tie mime_type to kind and keep each kind's facts where they belong: images have a size and a
 * thumbnail, only videos a duration. Storage keys are unique: one row owns each stored object.
 * (workspace_id, id) is unique so post_media can prove by foreign key that a post and its media share a workspace.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table media (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces (id) on delete cascade,
      uploaded_by uuid references users (id) on delete set null,
      kind text not null check (kind in ('image', 'video', 'document')),
      mime_type text not null,
      size_bytes bigint not null check (size_bytes > 0),
      original_filename text check (char_length(original_filename) between 1 and 255),
      width integer check (width > 0),
      height integer check (height > 0),
      duration_seconds double precision check (duration_seconds >= 0),
      storage_key text not null,
      thumbnail_key text,
      source_url text check (char_length(source_url) between 1 and 2048),
      created_at timestamptz(3) not null default now(),
      constraint media_storage_key_unique unique (storage_key),
      constraint media_thumbnail_key_unique unique (thumbnail_key),
      constraint media_workspace_id_id_unique unique (workspace_id, id),
      constraint media_mime_type_matches_kind check (
        (kind = 'image' and mime_type in ('image/jpeg', 'image/png', 'image/gif', 'image/webp'))
        or (kind = 'video' and mime_type in ('video/mp4', 'video/quicktime', 'video/webm'))
        or (kind = 'document' and mime_type = 'application/pdf')
      ),
      constraint media_images_have_size_and_thumbnail check (kind <> 'image' or (width is not null and height is not null and thumbnail_key is not null)),
      constraint media_only_images_have_thumbnails check (thumbnail_key is null or kind = 'image'),
      constraint media_only_videos_have_duration check (duration_seconds is null or kind = 'video'),
      constraint media_documents_have_no_size check (kind <> 'document' or (width is null and height is null))
    );
    -- The library lists newest first with a (created_at, id) cursor.
    create index media_workspace_created_idx on media (workspace_id, created_at desc, id desc)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table media');
}
