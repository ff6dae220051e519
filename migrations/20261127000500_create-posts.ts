import type { Knex } from 'knex';

/**
 * Posts of a workspace (drafts for now). client_id makes captures idempotent: the extension sends the same
 * id again after a lost response and gets the same draft. created_at has millisecond precision so the
 * list's (created_at, id) cursor, which passes through JavaScript dates, compares exactly.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table posts (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces (id) on delete cascade,
      created_by uuid references users (id) on delete set null,
      status text not null default 'draft' check (status in ('draft', 'archived')),
      title text,
      body text not null default '',
      hashtags text[] not null default '{}',
      source jsonb check (source is null or jsonb_typeof(source) = 'object'),
      client_id uuid,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz not null default now(),
      archived_at timestamptz,
      constraint posts_workspace_client_id_unique unique (workspace_id, client_id),
      constraint posts_archived_at_matches_status check ((status = 'archived') = (archived_at is not null))
    );
    create index posts_workspace_created_idx on posts (workspace_id, created_at desc, id desc)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table posts');
}
