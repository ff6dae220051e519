import type { Knex } from 'knex';

/**
 * The idempotency key is a random UUID the database draws for each target and sends to the network; it is
 * never looked up, so its unique index only cost an index entry on every write of a target (each claim,
 * record, lease renewal and checkpoint): about 10 % of the WAL a claim writes (`npm run bench -- publisher`).
 * Two targets drawing the same v4 UUID is not a risk worth that.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table post_targets drop constraint post_targets_idempotency_key_key');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table post_targets add constraint post_targets_idempotency_key_key unique (idempotency_key)');
}
