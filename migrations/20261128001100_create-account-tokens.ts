import type { Knex } from 'knex';

/**
 * Tokens of emailed account links: email verification, password reset, email change. Only an HMAC of
 * each token is stored (a database copy yields no working link); each is single use (used_at) and
 * expires: 1 hour for a password reset, 48 hours for the others — enforced here, not only in code.
 * `email` is the address the link was sent to (for an email change: the new address).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table account_tokens (
      id uuid primary key default gen_random_uuid(),
      purpose text not null check (purpose in ('verify-email', 'reset-password', 'change-email')),
      token_hash text not null,
      user_id uuid not null references users (id) on delete cascade,
      email text not null check (email = lower(email) and position('@' in email) > 1 and char_length(email) <= 254),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      constraint account_tokens_token_hash_unique unique (token_hash),
      constraint account_tokens_lifetime check (
        expires_at > created_at
        and expires_at <= created_at + case purpose when 'reset-password' then interval '1 hour' else interval '48 hours' end
      )
    );
    create index account_tokens_user_idx on account_tokens (user_id, purpose)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table account_tokens');
}
