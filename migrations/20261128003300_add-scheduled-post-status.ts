import type { Knex } from 'knex';

/** Posts can be 'scheduled' (set by publishing; media a scheduled post uses cannot be deleted). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table posts drop constraint posts_status_check;
    alter table posts add constraint posts_status_check check (status in ('draft', 'scheduled', 'archived'))
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table posts drop constraint posts_status_check;
    alter table posts add constraint posts_status_check check (status in ('draft', 'archived'))
  `);
}
