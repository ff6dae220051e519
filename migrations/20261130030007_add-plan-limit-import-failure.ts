import type { Knex } from 'knex';

/** An import can now fail because the workspace's plan has no storage left for the file (issue 7). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table imports drop constraint imports_failure_code_check;
    alter table imports add constraint imports_failure_code_check
      check (failure_code in ('not_connected', 'no_access', 'not_found', 'too_large', 'type_not_allowed', 'export_failed', 'network_failed', 'plan_limit_reached'));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    update imports set failure_code = 'too_large' where failure_code = 'plan_limit_reached';
    alter table imports drop constraint imports_failure_code_check;
    alter table imports add constraint imports_failure_code_check
      check (failure_code in ('not_connected', 'no_access', 'not_found', 'too_large', 'type_not_allowed', 'export_failed', 'network_failed'));
  `);
}
