import type { Knex } from 'knex';

/**
 * Consent by category (P20): every choice a person makes is a new row, so the history of what they
 * allowed, when and under which policy version stays provable; the latest row is the one in force.
 * Essential processing needs no consent and has no column. A choice lasts a year (`expires_at`); the
 * expire-consents job stamps `expired_at` on those past it, after which the optional categories count
 * as denied until the person chooses again. Rows go with the account (P18).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table consent_records (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      functional boolean not null,
      analytics boolean not null,
      marketing boolean not null,
      error_reports boolean not null,
      policy_version text not null check (length(policy_version) between 1 and 64),
      source text not null check (source in ('extension', 'web')),
      decided_at timestamptz not null default now(),
      expires_at timestamptz not null,
      expired_at timestamptz,
      constraint consent_records_expiry_after_decision check (expires_at > decided_at)
    );
    create index consent_records_user_idx on consent_records (user_id, decided_at desc);
    create index consent_records_expiring_idx on consent_records (expires_at) where expired_at is null;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table consent_records');
}
