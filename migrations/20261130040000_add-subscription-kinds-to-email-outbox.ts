import type { Knex } from 'knex';

/** The outbox accepts the subscription kinds (P11): product updates, the newsletter and marketing. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table email_outbox drop constraint email_outbox_kind_check;
    alter table email_outbox add constraint email_outbox_kind_check
      check (kind in ('account', 'security', 'invitation', 'post-scheduled', 'post-failed', 'product-updates', 'newsletter', 'marketing'))
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table email_outbox drop constraint email_outbox_kind_check;
    alter table email_outbox add constraint email_outbox_kind_check
      check (kind in ('account', 'security', 'invitation', 'post-scheduled', 'post-failed'))
  `);
}
