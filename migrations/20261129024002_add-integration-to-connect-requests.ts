import type { Knex } from 'knex';

/**
 * Connect requests also carry a person's Canva or Google Drive connection in progress: such a request
 * names an `integration` instead of a workspace and a network (the same state hash and sealed PKCE
 * verifier bind the callback to the person, P25). Exactly one of the two kinds per row.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table connect_requests
      alter column workspace_id drop not null,
      alter column platform drop not null,
      add column integration text check (integration in ('canva', 'google_drive')),
      add constraint connect_requests_network_or_integration check (
        (integration is null and platform is not null and workspace_id is not null)
        or (integration is not null and platform is null and workspace_id is null))
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    delete from connect_requests where integration is not null;
    alter table connect_requests
      drop constraint connect_requests_network_or_integration,
      drop column integration,
      alter column workspace_id set not null,
      alter column platform set not null
  `);
}
