import type { Knex } from 'knex';

/**
 * Short-lived, single-use links to the Google Picker page for one Drive file (drive.file: a file must be
 * picked before Minopa may import it). The page cannot carry the bearer token, so the extension asks for
 * such a link; only the keyed hash of its token is stored. `used_at` is set when the page is opened.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table drive_picker_links (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      user_id uuid not null references users (id) on delete cascade,
      file_id text not null check (char_length(file_id) between 1 and 200),
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table drive_picker_links');
}
