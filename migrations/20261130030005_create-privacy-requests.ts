import type { Knex } from 'knex';

/**
 * The rights a person exercises (P29, P30). Objection and restriction are flags on the account that stop
 * the processing they name at once: objecting to usage statistics or to marketing, or restricting
 * processing altogether (both, and the operator reviews what else to hold). Requests that need the
 * operator (restriction, erasure of something specific, a question) are recorded with a 30-day deadline;
 * the privacy-requests-overdue job alerts once when one passes it unanswered. A request outlives the
 * account (the duty to answer does): its user id goes null, the address stays.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table users
      add column objects_to_usage_statistics boolean not null default false,
      add column objects_to_marketing boolean not null default false,
      add column processing_restricted_at timestamptz;
    create table privacy_requests (
      id uuid primary key default gen_random_uuid(),
      user_id uuid references users (id) on delete set null,
      email text not null check (char_length(email) between 3 and 320),
      kind text not null check (kind in ('restriction', 'objection', 'access', 'rectification', 'erasure', 'portability', 'other')),
      details text not null default '' check (char_length(details) <= 5000),
      received_at timestamptz not null default now(),
      due_at timestamptz not null,
      resolved_at timestamptz,
      resolution text check (char_length(resolution) <= 5000),
      overdue_alerted_at timestamptz,
      constraint privacy_requests_due_after_received check (due_at > received_at),
      constraint privacy_requests_resolution_when_resolved check ((resolved_at is null) = (resolution is null))
    );
    create index privacy_requests_open_idx on privacy_requests (due_at) where resolved_at is null;
    create index privacy_requests_user_idx on privacy_requests (user_id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    drop table privacy_requests;
    alter table users drop column objects_to_usage_statistics, drop column objects_to_marketing, drop column processing_restricted_at;
  `);
}
