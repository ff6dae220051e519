import type { Knex } from 'knex';

/**
 * Usage statistics (P7): which features a person used, in which session, on which kind of device, with
 * the viewport and referrer and an anonymised IP — stored only while the person allows analytics
 * (checked by the service on every batch, P20/P21), deleted after 26 months by the purge-usage-events
 * job (P19) and with the account (P18). Append-only and purged by age: the index on `received_at` grows
 * only at its right end (cheap for inserts) and lets the purge find the oldest rows without a scan.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table usage_events (
      id bigint generated always as identity primary key,
      user_id uuid not null references users (id) on delete cascade,
      name text not null check (name ~ '^[a-z][a-z0-9_.]{0,63}$'),
      session_id uuid not null,
      occurred_at timestamptz not null,
      received_at timestamptz not null default now(),
      client text check (client in ('popup', 'options', 'dashboard', 'background')),
      browser text check (char_length(browser) <= 64),
      os text check (char_length(os) <= 64),
      device_type text check (device_type in ('desktop', 'mobile', 'tablet', 'other')),
      viewport_width integer check (viewport_width between 0 and 20000),
      viewport_height integer check (viewport_height between 0 and 20000),
      referrer text check (char_length(referrer) <= 300),
      ip_anonymised text check (char_length(ip_anonymised) <= 45)
    );
    create index usage_events_user_idx on usage_events (user_id);
    create index usage_events_received_idx on usage_events (received_at);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table usage_events');
}
