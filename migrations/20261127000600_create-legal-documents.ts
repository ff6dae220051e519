import type { Knex } from 'knex';

/** Versioned Terms and Privacy Policy; earlier versions stay readable (P33). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table legal_documents (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('terms', 'privacy')),
      version text not null check (version ~ '^[A-Za-z0-9._-]{1,40}$'),
      title text not null check (char_length(title) between 1 and 200),
      last_updated date not null,
      body text not null,
      created_at timestamptz not null default now(),
      constraint legal_documents_kind_version_unique unique (kind, version)
    )
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table legal_documents');
}
