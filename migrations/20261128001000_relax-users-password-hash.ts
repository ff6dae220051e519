import type { Knex } from 'knex';

/**
 * Accounts made with Google sign-in have no password until they set one by reset. The CHECK that the
 * column only ever holds an argon2id hash (P1) stays: NULL passes it, any other text still does not.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table users alter column password_hash drop not null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table users alter column password_hash set not null');
}
