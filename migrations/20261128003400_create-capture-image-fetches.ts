import type { Knex } from 'knex';

/**
 * The image of each image capture, to be fetched into the library by a job (claim → fetch → record):
 * 'pending' until fetched ('done', with the medium), or until the service finds it cannot ('needs_browser':
 * the extension supplies the bytes; 'failed': final). locked_until is the claiming job's lease;
 * next_attempt_at spaces out retries after transient failures. Removed with its post.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table capture_image_fetches (
      post_id uuid primary key references posts (id) on delete cascade,
      workspace_id uuid not null references workspaces (id) on delete cascade,
      requested_by uuid references users (id) on delete set null,
      image_url text not null check (char_length(image_url) between 1 and 2048),
      state text not null default 'pending' check (state in ('pending', 'done', 'needs_browser', 'failed')),
      reason text check (reason in ('private_address', 'origin_refused', 'host_not_found', 'not_found', 'too_large', 'type_not_allowed', 'unreadable', 'unreachable')),
      message text check (char_length(message) <= 500),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      locked_until timestamptz,
      media_id uuid references media (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint capture_image_fetches_reason_when_stuck check ((state in ('needs_browser', 'failed')) = (reason is not null and message is not null))
    );
    -- The job's claim: due pending fetches in order.
    create index capture_image_fetches_due_idx on capture_image_fetches (next_attempt_at) where state = 'pending'
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table capture_image_fetches');
}
