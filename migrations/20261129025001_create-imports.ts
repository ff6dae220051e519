import type { Knex } from 'knex';

/**
 * Imports of a Canva design or a Google Drive file into a workspace's library (and a new draft): one row
 * per import, worked through by the `run-imports` job (claimed with a lease, so a crashed worker's import
 * continues elsewhere). `client_id` makes starting idempotent per person and workspace. `vendor_job_id` is
 * Canva's export job: recorded the moment Canva answers, so a continued import polls it instead of
 * exporting again. `failure_message` holds the sentence in both languages ({en, de}).
 * `media_ids` lists the media made, in page order (a medium deleted later simply stops resolving).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table imports (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      client_id uuid not null,
      provider text not null check (provider in ('canva', 'google_drive')),
      source_id text not null check (source_id ~ '^[A-Za-z0-9_-]{5,200}$'),
      source_url text check (char_length(source_url) <= 2048),
      format text check (char_length(format) <= 100),
      pages integer[],
      create_draft boolean not null default true,
      status text not null default 'queued' check (status in ('queued', 'exporting', 'downloading', 'done', 'failed')),
      title text check (char_length(title) <= 500),
      view_url text check (char_length(view_url) <= 2048),
      received_bytes bigint not null default 0 check (received_bytes >= 0),
      total_bytes bigint check (total_bytes >= 0),
      failure_code text check (failure_code in ('not_connected', 'no_access', 'not_found', 'too_large', 'type_not_allowed', 'export_failed', 'network_failed')),
      failure_message jsonb,
      vendor_job_id text check (char_length(vendor_job_id) <= 200),
      media_ids uuid[] not null default '{}',
      post_id uuid references posts (id) on delete set null,
      locked_by text,
      locked_until timestamptz,
      attempts integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      finished_at timestamptz,
      constraint imports_user_workspace_client_id_unique unique (user_id, workspace_id, client_id),
      constraint imports_failed_has_reason check ((status = 'failed') = (failure_code is not null and failure_message is not null)),
      constraint imports_finished check ((status in ('done', 'failed')) = (finished_at is not null))
    );
    create index imports_user_workspace_idx on imports (user_id, workspace_id, created_at desc);
    create index imports_unfinished_idx on imports (locked_until nulls first) where status not in ('done', 'failed')
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table imports');
}
