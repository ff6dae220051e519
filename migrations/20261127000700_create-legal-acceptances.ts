import type { Knex } from 'knex';

/**
 * Who accepted which document version, when, from which IP and user agent (P12). Acceptance records
 * outlive the account by five years (P19), so deleting a user must not silently cascade them away:
 * RESTRICT makes the account-deletion job decide explicitly what to keep.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table legal_acceptances (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete restrict,
      document_id uuid not null references legal_documents (id) on delete restrict,
      accepted_at timestamptz not null default now(),
      ip text check (char_length(ip) <= 45),
      user_agent text check (char_length(user_agent) <= 512)
    );
    create index legal_acceptances_user_id_idx on legal_acceptances (user_id)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table legal_acceptances');
}
