import type { Knex } from 'knex';

/** Who belongs to which workspace, and with which role (P3, P24). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table memberships (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('owner', 'admin', 'editor', 'viewer')),
      created_at timestamptz not null default now(),
      primary key (workspace_id, user_id)
    );
    -- "my workspaces" looks memberships up by user; the primary key serves "members of a workspace".
    create index memberships_user_id_idx on memberships (user_id)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table memberships');
}
