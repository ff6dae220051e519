import type { Knex } from 'knex';

/**
 * Refreshing a Canva or Drive connection takes a short lease, as refreshing a network account does
 * (connected_accounts.refresh_lease_*): claimed in a short transaction, the vendor called with none
 * open, the new tokens written only while the lease is still this worker's. A worker that dies
 * mid-refresh gives the connection back when the lease runs out. Owner and expiry are set together.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table integration_connections
      add column refresh_lease_owner text check (char_length(refresh_lease_owner) between 1 and 200),
      add column refresh_lease_expires_at timestamptz,
      add constraint integration_connections_refresh_lease_whole check ((refresh_lease_owner is null) = (refresh_lease_expires_at is null))
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table integration_connections
      drop constraint integration_connections_refresh_lease_whole,
      drop column refresh_lease_owner,
      drop column refresh_lease_expires_at
  `);
}
