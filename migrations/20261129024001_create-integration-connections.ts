import type { Knex } from 'knex';

/**
 * A person's own Canva or Google Drive connection (one per person and provider), used to import their
 * designs and files into a workspace they choose. Only what P9 lists is kept in the clear: Canva's user
 * id, team id and display name; Drive's email, display name and storage quota — plus the scopes granted.
 * The tokens are one AES-256-GCM sealed JSON bundle (P26) with the id of the key that sealed it;
 * `access_expires_at` is in the clear so the refresh job finds what expires soon without opening bundles.
 * Refreshes lock the row (Canva's refresh tokens work once); disconnecting deletes the row (P18).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table integration_connections (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      provider text not null check (provider in ('canva', 'google_drive')),
      display_name text check (char_length(display_name) <= 300),
      canva_user_id text check (char_length(canva_user_id) between 1 and 200),
      canva_team_id text check (char_length(canva_team_id) between 1 and 200),
      email text check (char_length(email) between 3 and 320),
      storage_limit bigint check (storage_limit >= 0),
      storage_usage bigint check (storage_usage >= 0),
      scopes text[] not null,
      sandbox boolean not null default false,
      credentials text not null,
      credentials_key_id text not null,
      access_expires_at timestamptz,
      status text not null default 'connected' check (status in ('connected', 'reconnect_needed')),
      status_reason text,
      reconnect_notified_at timestamptz,
      connected_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint integration_connections_user_provider_unique unique (user_id, provider),
      constraint integration_connections_canva_fields check (
        provider <> 'canva' or (canva_user_id is not null and email is null and storage_limit is null and storage_usage is null)),
      constraint integration_connections_drive_fields check (
        provider <> 'google_drive' or (email is not null and canva_user_id is null and canva_team_id is null))
    );
    create index integration_connections_refresh_due_idx on integration_connections (access_expires_at) where status = 'connected'
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table integration_connections');
}
