import type { Knex } from 'knex';

/**
 * Resumable uploads into the media library: a file arriving in pieces (stored as part objects, so any
 * instance can take the next one). received_bytes is where the next piece starts; a piece is accepted by
 * moving it on only from the offset it started at, so two instances cannot both accept the same piece.
 * expires_at moves on with each piece; a job removes expired sessions and their parts. A session outlives
 * its uploader's account (the job still cleans its parts), not its workspace.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table media_uploads (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces (id) on delete cascade,
      user_id uuid references users (id) on delete set null,
      filename text check (char_length(filename) between 1 and 255),
      declared_mime_type text check (char_length(declared_mime_type) between 1 and 255),
      size_bytes bigint not null check (size_bytes > 0),
      chunk_bytes integer not null check (chunk_bytes > 0),
      received_bytes bigint not null default 0 check (received_bytes >= 0 and received_bytes <= size_bytes),
      created_at timestamptz(3) not null default now(),
      expires_at timestamptz(3) not null,
      constraint media_uploads_expire_after_creation check (expires_at > created_at)
    );
    -- The clean-up job's scan.
    create index media_uploads_expires_at_idx on media_uploads (expires_at)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table media_uploads');
}
