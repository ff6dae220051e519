import type { Knex } from 'knex';

/**
 * Sign-in identities at other providers (Google today), keyed by the provider's stable subject id —
 * never by email, which can change hands. Only the provider's email is kept here (P2: Google sign-in
 * gives us email, name and picture; the name lives on the user, the picture becomes the avatar).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table external_identities (
      id uuid primary key default gen_random_uuid(),
      provider text not null check (provider in ('google')),
      subject text not null check (char_length(subject) between 1 and 255),
      user_id uuid not null references users (id) on delete cascade,
      email text not null check (char_length(email) between 3 and 254),
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      constraint external_identities_subject_unique unique (provider, subject)
    );
    create index external_identities_user_idx on external_identities (user_id)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table external_identities');
}
