import type { Knex } from 'knex';

/**
 * An OAuth connection in progress: the `state` sent to the network (stored as a hash) binds the callback
 * to the person and workspace that started it (P25); the PKCE verifier is sealed like tokens. When the
 * network returns several accounts to choose from (Facebook Pages, Instagram business accounts, LinkedIn
 * organizations), `choices` holds them, sealed, until the person picks; then the row is deleted.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table connect_requests (
      id uuid primary key default gen_random_uuid(),
      state_hash text not null unique,
      workspace_id uuid not null references workspaces (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      platform text not null check (platform in ('instagram', 'facebook', 'linkedin', 'x', 'threads', 'tiktok', 'pinterest', 'youtube')),
      sealed_verifier text,
      sealed_choices text,
      key_id text not null,
      return_to text,
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    );
    create index connect_requests_expires_idx on connect_requests (expires_at)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table connect_requests');
}
