import type { Knex } from 'knex';

/**
 * One Google sign-in from start to session. Started: the hashes of `state` and of the browser-binding
 * cookie, the PKCE verifier and nonce, the extension's redirect URI, the intent and, for a sign-up, the
 * age confirmation and legal versions accepted (P12, P31). Called back: state consumed (callback_at),
 * the user found or made, and the hash of a one-time code for the extension (60 s, single use). The
 * whole request lives 10 minutes at most.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table google_login_requests (
      id uuid primary key default gen_random_uuid(),
      state_hash text not null,
      browser_hash text not null,
      code_verifier text not null check (char_length(code_verifier) between 43 and 128),
      nonce text not null check (char_length(nonce) between 16 and 128),
      redirect_uri text not null check (char_length(redirect_uri) <= 512),
      client_state text check (char_length(client_state) <= 200),
      client text check (char_length(client) <= 100),
      intent text not null check (intent in ('sign-in', 'sign-up')),
      age_confirmed boolean not null default false,
      terms_version text check (char_length(terms_version) <= 50),
      privacy_version text check (char_length(privacy_version) <= 50),
      ip text check (char_length(ip) <= 45),
      user_agent text check (char_length(user_agent) <= 512),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      callback_at timestamptz,
      user_id uuid references users (id) on delete cascade,
      exchange_code_hash text,
      code_expires_at timestamptz,
      exchanged_at timestamptz,
      constraint google_login_requests_state_unique unique (state_hash),
      constraint google_login_requests_code_unique unique (exchange_code_hash),
      constraint google_login_requests_lifetime check (expires_at > created_at and expires_at <= created_at + interval '10 minutes'),
      constraint google_login_requests_sign_up_accepts check (
        intent <> 'sign-up' or (age_confirmed and terms_version is not null and privacy_version is not null)
      ),
      constraint google_login_requests_code check (
        (exchange_code_hash is null and code_expires_at is null and user_id is null)
        or (exchange_code_hash is not null and user_id is not null and callback_at is not null
            and code_expires_at <= expires_at + interval '60 seconds')
      ),
      constraint google_login_requests_exchanged check (exchanged_at is null or exchange_code_hash is not null)
    );
    create index google_login_requests_created_idx on google_login_requests (created_at)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table google_login_requests');
}
