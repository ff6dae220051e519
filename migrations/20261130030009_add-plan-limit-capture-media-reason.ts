import type { Knex } from 'knex';

/** A captured image or video can now stay out of the library because the plan's storage is full (issue 7). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table capture_media_fetches drop constraint capture_media_fetches_reason_check;
    alter table capture_media_fetches add constraint capture_media_fetches_reason_check
      check (reason in ('private_address', 'origin_refused', 'host_not_found', 'not_found', 'too_large', 'type_not_allowed', 'unreadable', 'unreachable', 'plan_limit'));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    update capture_media_fetches set reason = 'too_large' where reason = 'plan_limit';
    alter table capture_media_fetches drop constraint capture_media_fetches_reason_check;
    alter table capture_media_fetches add constraint capture_media_fetches_reason_check
      check (reason in ('private_address', 'origin_refused', 'host_not_found', 'not_found', 'too_large', 'type_not_allowed', 'unreadable', 'unreachable'));
  `);
}
