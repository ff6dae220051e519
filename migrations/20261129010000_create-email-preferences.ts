import type { Knex } from 'knex';

/**
 * Per-person switches for kinds of email (P10: "post scheduled" and "post failed" can each be turned
 * off). No row means the kind is on; a row records the person's choice. The full preferences screen
 * comes later and reuses this table; kinds are checked like email_suppressions' (the list grows).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table email_preferences (
      user_id uuid not null references users (id) on delete cascade,
      kind text not null check (kind ~ '^[a-z][a-z0-9-]{0,63}$'),
      enabled boolean not null,
      updated_at timestamptz not null default now(),
      primary key (user_id, kind)
    )
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table email_preferences');
}
