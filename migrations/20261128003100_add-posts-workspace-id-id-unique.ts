import type { Knex } from 'knex';

/** Lets tables that belong to a post also name its workspace, checked by a composite foreign key. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table posts add constraint posts_workspace_id_id_unique unique (workspace_id, id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table posts drop constraint posts_workspace_id_id_unique');
}
