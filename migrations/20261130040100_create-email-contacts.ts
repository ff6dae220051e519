import type { Knex } from 'knex';

/**
 * What the sync-email-contacts job last sent to Resend for each person (P13): the contact's id there and
 * a hash of the state sent (email, names, subscriptions), so an unchanged person costs no request. When
 * the account is deleted, `user_id` becomes null but the row and its email stay until the job has removed
 * the contact at Resend; then the row goes too. `attempts`/`next_attempt_at` space out retries; the lease
 * (`leased_until`) keeps two instances from syncing one person at once.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table email_contacts (
      id uuid primary key default gen_random_uuid(),
      user_id uuid references users (id) on delete set null,
      email text not null check (char_length(email) between 3 and 320 and email = lower(email)),
      contact_id text check (char_length(contact_id) between 1 and 200),
      synced_hash text check (char_length(synced_hash) = 64),
      synced_at timestamptz,
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      last_error text check (char_length(last_error) <= 1000),
      leased_until timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint email_contacts_user_unique unique (user_id)
    );
    create index email_contacts_orphaned_idx on email_contacts (next_attempt_at) where user_id is null;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table email_contacts');
}
