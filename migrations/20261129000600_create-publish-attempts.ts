import type { Knex } from 'knex';

/**
 * Every attempt at publishing a target (and every reconcile check), for the person asking "what
 * happened?" and for support: when, the outcome, the failure kind, and what the network said (its error
 * code, message and request id). Never tokens or request bodies.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table publish_attempts (
      id bigint generated always as identity primary key,
      target_id uuid not null references post_targets (id) on delete cascade,
      started_at timestamptz not null,
      finished_at timestamptz not null default now(),
      outcome text not null check (outcome in ('published', 'retrying', 'failed', 'unconfirmed', 'confirmed_published', 'confirmed_absent')),
      failure_kind text check (failure_kind in ('auth', 'rate_limited', 'invalid_content', 'transient', 'unknown_outcome')),
      http_status integer,
      vendor_code text,
      vendor_message text,
      vendor_request_id text,
      worker text not null
    );
    create index publish_attempts_target_idx on publish_attempts (target_id, started_at)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table publish_attempts');
}
