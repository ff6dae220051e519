import type { Knex } from 'knex';

/**
 * A post's status summarises its targets: scheduled while any waits, published when all went out,
 * failed when any failed (someone has to look).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table posts drop constraint posts_status_check;
    alter table posts add constraint posts_status_check check (status in ('draft', 'scheduled', 'published', 'failed', 'archived'))
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table posts drop constraint posts_status_check;
    alter table posts add constraint posts_status_check check (status in ('draft', 'scheduled', 'archived'))
  `);
}
