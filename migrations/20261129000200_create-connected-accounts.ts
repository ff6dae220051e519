import type { Knex } from 'knex';

/**
 * Network accounts a workspace publishes to. Only what P9 lists is kept in the clear (the network's id,
 * name, username, avatar address); the tokens are one AES-256-GCM sealed JSON bundle (P26) with the id of
 * the key that sealed it, so keys can rotate. `access_expires_at` is in the clear so the refresh job can
 * find what expires soon without opening every bundle. The refresh lease makes one refresh at a time per
 * account, across instances (single-use refresh tokens must never be spent twice).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table connected_accounts (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces (id) on delete cascade,
      platform text not null check (platform in ('instagram', 'facebook', 'linkedin', 'x', 'threads', 'tiktok', 'pinterest', 'youtube')),
      kind text not null check (kind in ('profile', 'page', 'business', 'organization', 'channel')),
      remote_id text not null check (char_length(remote_id) between 1 and 200),
      name text not null,
      username text,
      avatar_url text,
      status text not null default 'active' check (status in ('active', 'reconnect_needed', 'disconnected')),
      status_reason text,
      sandbox boolean not null default false,
      credentials text,
      credentials_key_id text,
      access_expires_at timestamptz,
      refresh_lease_owner text,
      refresh_lease_expires_at timestamptz,
      reconnect_notified_at timestamptz,
      connected_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint connected_accounts_workspace_id_id_unique unique (workspace_id, id),
      constraint connected_accounts_remote_unique unique (workspace_id, platform, remote_id),
      constraint connected_accounts_credentials_with_key check ((credentials is null) = (credentials_key_id is null)),
      constraint connected_accounts_disconnected_has_no_credentials check (status <> 'disconnected' or credentials is null)
    );
    create index connected_accounts_refresh_due_idx on connected_accounts (access_expires_at) where status = 'active'
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table connected_accounts');
}
