import type { Knex } from 'knex';

/**
 * Invitations to join a workspace by email (P3: they hold the invited address). Only an HMAC of the
 * link's token is stored. The CHECKs make the 7-day lifetime and "used or revoked, never both" facts of
 * the data (both times have millisecond precision, so the lifetime CHECK compares like with like); the
 * partial unique index allows one open invitation per address and workspace, so a
 * re-invitation has to close the previous one first. created_at has millisecond precision for the
 * (created_at, id) ordering that passes through JavaScript dates.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table invitations (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces (id) on delete cascade,
      email text not null check (email = lower(email) and position('@' in email) > 1 and char_length(email) <= 254),
      role text not null check (role in ('owner', 'admin', 'editor', 'viewer')),
      token_hash text not null,
      invited_by uuid references users (id) on delete set null,
      created_at timestamptz(3) not null default now(),
      expires_at timestamptz(3) not null,
      accepted_at timestamptz,
      accepted_by uuid references users (id) on delete set null,
      revoked_at timestamptz,
      revoked_by uuid references users (id) on delete set null,
      constraint invitations_token_hash_unique unique (token_hash),
      constraint invitations_lifetime_at_most_7_days
        check (expires_at > created_at and expires_at <= created_at + interval '7 days'),
      constraint invitations_accepted_or_revoked check (accepted_at is null or revoked_at is null)
    );
    create unique index invitations_open_email_unique on invitations (workspace_id, email)
      where accepted_at is null and revoked_at is null;
    create index invitations_workspace_created_idx on invitations (workspace_id, created_at desc)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table invitations');
}
