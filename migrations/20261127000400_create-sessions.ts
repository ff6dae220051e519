import type { Knex } from 'knex';

/**
 * Bearer sessions. Only an HMAC of the token is stored, so a database leak yields no usable token.
 * The CHECK makes the 30-day lifetime (P22) a property of the data, not only of the code that writes it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table sessions (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null,
      user_id uuid not null references users (id) on delete cascade,
      client text check (char_length(client) <= 100),
      user_agent text check (char_length(user_agent) <= 512),
      ip text check (char_length(ip) <= 45),
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      expires_at timestamptz not null default now() + interval '30 days',
      revoked_at timestamptz,
      constraint sessions_token_hash_unique unique (token_hash),
      constraint sessions_lifetime_at_most_30_days
        check (expires_at > created_at and expires_at <= created_at + interval '30 days')
    );
    create index sessions_user_id_idx on sessions (user_id, last_used_at desc)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table sessions');
}
