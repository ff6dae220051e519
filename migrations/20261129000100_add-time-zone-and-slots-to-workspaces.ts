import type { Knex } from 'knex';

/**
 * A workspace's time zone (IANA name; schedules are entered and shown in it, stored in UTC) and its weekly
 * posting slots ("add to queue" takes the next free one): a JSON array of { weekday 0–6 (Sunday = 0),
 * time "HH:MM" } in the workspace's time zone.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table workspaces
      add column time_zone text not null default 'UTC' check (char_length(time_zone) between 1 and 64),
      add column posting_slots jsonb not null default '[]' check (jsonb_typeof(posting_slots) = 'array')
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table workspaces drop column time_zone, drop column posting_slots');
}
