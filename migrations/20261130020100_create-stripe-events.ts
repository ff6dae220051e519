import type { Knex } from 'knex';

/**
 * Every Stripe webhook event processed, by Stripe's event id: a redelivery finds its id here and changes
 * nothing. The row is written in the same transaction as the event's effect, so an event is either
 * processed and recorded, or neither.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table stripe_events (
      id text primary key check (id ~ '^evt_[A-Za-z0-9_]+$'),
      type text not null check (char_length(type) between 1 and 100),
      received_at timestamptz not null default now(),
      processed_at timestamptz
    );
    create index stripe_events_received_idx on stripe_events (received_at)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table stripe_events');
}
