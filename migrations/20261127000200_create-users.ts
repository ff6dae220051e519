import type { Knex } from 'knex';

/**
 * People with an account. The CHECKs keep two promises in the database itself: emails are stored
 * lowercase (one account per address), and the password column can only ever hold an argon2id hash (P1).
 * age_confirmed_at is NOT NULL because nobody may sign up without confirming they are 18 or older (P31).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table users (
      id uuid primary key default gen_random_uuid(),
      first_name text not null check (char_length(first_name) between 1 and 100),
      last_name text not null check (char_length(last_name) between 1 and 100),
      email text not null check (email = lower(email) and position('@' in email) > 1),
      password_hash text not null check (password_hash like '$argon2id$%'),
      age_confirmed_at timestamptz not null,
      email_verified_at timestamptz,
      default_workspace_id uuid references workspaces (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint users_email_unique unique (email)
    )
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table users');
}
