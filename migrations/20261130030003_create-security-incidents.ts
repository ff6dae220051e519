import type { Knex } from 'knex';

/**
 * Personal-data breaches and who was told (P32). An incident records when it was detected, what happened
 * and what was done; each affected person gets a notice row, emailed through the outbox. Whether everyone
 * was told within 72 hours of detection is read from the outbox's `sent_at` of each notice's email (its
 * dedupe key is `security-incident:<incident>:<notice>`). Records are kept after an account is deleted
 * (the duty to show notification outlives it): the notice keeps the address, the user id goes null.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table security_incidents (
      id uuid primary key default gen_random_uuid(),
      title text not null check (char_length(title) between 1 and 200),
      what_happened text not null check (char_length(what_happened) between 1 and 5000),
      measures_taken text not null check (char_length(measures_taken) between 1 and 5000),
      detected_at timestamptz not null,
      recorded_at timestamptz not null default now(),
      constraint security_incidents_detected_before_recorded check (detected_at <= recorded_at + interval '5 minutes')
    );
    create table security_incident_notices (
      id uuid primary key default gen_random_uuid(),
      incident_id uuid not null references security_incidents (id) on delete restrict,
      user_id uuid references users (id) on delete set null,
      email text not null check (char_length(email) between 3 and 320),
      queued_at timestamptz,
      constraint security_incident_notices_unique unique (incident_id, email)
    );
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table security_incident_notices; drop table security_incidents');
}
