import type { Knex } from 'knex';

/**
 * Every email Minopa sends is first a row here; a job sends it (claim → call → record). The lease
 * (owner + expiry) marks a row being sent; an expired lease is claimable again, and the retry reuses
 * the row id as the provider's idempotency key, so it cannot produce a second email.
 * `suppressed`: the recipient unsubscribed from the kind (P11), so it was not sent.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table email_outbox (
      id uuid primary key default gen_random_uuid(),
      template text not null check (template ~ '^[a-z][a-z0-9-]{0,63}$'),
      kind text not null check (kind in ('account', 'security', 'invitation')),
      to_email text not null check (char_length(to_email) between 3 and 320 and position('@' in to_email) > 1),
      user_id uuid references users (id) on delete set null,
      data jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
      dedupe_key text check (char_length(dedupe_key) between 1 and 200),
      status text not null default 'pending'
        check (status in ('pending', 'sending', 'sent', 'failed', 'suppressed')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      lease_owner text check (char_length(lease_owner) <= 100),
      lease_expires_at timestamptz,
      last_error text check (char_length(last_error) <= 2000),
      provider_message_id text check (char_length(provider_message_id) <= 200),
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      constraint email_outbox_dedupe_key_unique unique (dedupe_key),
      constraint email_outbox_lease_whole check ((lease_owner is null) = (lease_expires_at is null)),
      constraint email_outbox_lease_only_while_sending check (lease_owner is null or status = 'sending'),
      constraint email_outbox_sent_at_iff_sent check ((status = 'sent') = (sent_at is not null))
    );
    create index email_outbox_due_idx on email_outbox (next_attempt_at) where status = 'pending';
    create index email_outbox_lease_idx on email_outbox (lease_expires_at) where status = 'sending';
    create index email_outbox_user_id_idx on email_outbox (user_id);
    create index email_outbox_created_at_idx on email_outbox (created_at desc)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table email_outbox');
}
