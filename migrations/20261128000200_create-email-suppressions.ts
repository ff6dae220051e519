import type { Knex } from 'knex';

/**
 * Who unsubscribed from which kind of email (P11). Recorded the moment the unsubscribe link (or the
 * mail client's one-click button) is used; no account needed. Addresses are stored lowercased so one
 * person's address matches however it was typed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table email_suppressions (
      email text not null check (char_length(email) between 3 and 320 and email = lower(email)),
      kind text not null check (kind ~ '^[a-z][a-z0-9-]{0,63}$'),
      created_at timestamptz not null default now(),
      constraint email_suppressions_email_kind_unique unique (email, kind)
    )
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table email_suppressions');
}
