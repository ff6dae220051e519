import type { Knex } from 'knex';

/**
 * How many times the reconcile job asked the network about an unconfirmed target without getting an
 * answer; after a limit the target fails and the person is asked to look. Reset when it is answered.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table post_targets add column reconcile_checks integer not null default 0 check (reconcile_checks >= 0)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table post_targets drop column reconcile_checks');
}
