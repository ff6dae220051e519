import type { Knex } from 'knex';

/**
 * Material changes to the Terms or the Privacy Policy (issue 8, P12, P33): a version the operator marks
 * `material` must be accepted again by everyone who accepted an earlier one. `summary` says what changed
 * (it goes into the email); `people_notified_at` is set once the notify-legal-changes job has emailed
 * every account and marked it. `users.legal_acceptance_due_at` is that mark: set when a material version
 * concerns the person, cleared when they accept; the session lookup reads it, so enforcing it costs no
 * extra query.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table legal_documents
      add column material boolean not null default false,
      add column summary text check (char_length(summary) <= 2000),
      add column people_notified_at timestamptz;
    alter table users add column legal_acceptance_due_at timestamptz;
    create index legal_documents_unnotified_idx on legal_documents (created_at) where material and people_notified_at is null;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop index legal_documents_unnotified_idx;
    alter table users drop column legal_acceptance_due_at;
    alter table legal_documents drop column material, drop column summary, drop column people_notified_at;
  `);
}
