import type { Knex } from 'knex';

/**
 * A person's downloads of all their data (P27): requested in the options page, built by the
 * build-data-exports job into one ZIP in media storage (JSON files, their media files and a README),
 * downloadable for 7 days, then removed. Progress is `items_done` of `items_total` while it builds. One
 * export at a time per person. Rows go with the account (P18); the purge removes expired archives.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table data_exports (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      status text not null default 'queued' check (status in ('queued', 'building', 'ready', 'failed', 'expired')),
      items_done integer not null default 0 check (items_done >= 0),
      items_total integer check (items_total >= 0),
      storage_key text,
      size_bytes bigint check (size_bytes >= 0),
      failure_message text check (char_length(failure_message) <= 1000),
      attempts integer not null default 0,
      lease_owner text,
      lease_expires_at timestamptz,
      requested_at timestamptz not null default now(),
      finished_at timestamptz,
      expires_at timestamptz,
      constraint data_exports_ready_has_file check (status <> 'ready' or (storage_key is not null and expires_at is not null)),
      constraint data_exports_lease_whole check ((lease_owner is null) = (lease_expires_at is null))
    );
    create unique index data_exports_one_running_idx on data_exports (user_id) where status in ('queued', 'building');
    create index data_exports_due_idx on data_exports (requested_at) where status in ('queued', 'building');
    create index data_exports_expiring_idx on data_exports (expires_at) where status = 'ready';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table data_exports');
}
