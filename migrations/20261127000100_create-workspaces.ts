import type { Knex } from 'knex';

/** A team's shared space; everything a team makes belongs to one. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table workspaces (
      id uuid primary key default gen_random_uuid(),
      name text not null check (char_length(btrim(name)) between 1 and 80),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table workspaces');
}
