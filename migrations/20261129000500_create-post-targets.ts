import type { Knex } from 'knex';

/**
 * Where a post goes: one row per (post, connected account), with that channel's overrides (text, title,
 * first comment, network options, thread parts). The publisher works from this table alone:
 * - claimable rows are `scheduled` (or `unconfirmed`, for the reconcile job) with `run_at` due;
 * - a claim sets status `publishing` and a lease (owner + expiry); an expired lease is claimable again,
 *   and then the attempt's outcome is unknown, so it is reconciled before anything is resent;
 * - `progress` is the adapter's checkpoint (container id, uploaded media ids, thread parts sent) so a
 *   resumed attempt never repeats an irreversible step;
 * - `remote_id` is written before (or with) status `published`, never after.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table post_targets (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null,
      post_id uuid not null,
      account_id uuid not null,
      platform text not null check (platform in ('instagram', 'facebook', 'linkedin', 'x', 'threads', 'tiktok', 'pinterest', 'youtube')),
      status text not null default 'draft'
        check (status in ('draft', 'scheduled', 'publishing', 'published', 'failed', 'unconfirmed', 'cancelled')),
      overrides jsonb not null default '{}' check (jsonb_typeof(overrides) = 'object'),
      due_at timestamptz,
      run_at timestamptz,
      lease_owner text,
      lease_expires_at timestamptz,
      attempts integer not null default 0 check (attempts >= 0),
      idempotency_key uuid not null default gen_random_uuid() unique,
      progress jsonb not null default '{}' check (jsonb_typeof(progress) = 'object'),
      remote_id text,
      remote_url text,
      published_at timestamptz,
      failure_kind text check (failure_kind in ('auth', 'rate_limited', 'invalid_content', 'transient', 'unknown_outcome')),
      failure_code text,
      failure_message text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint post_targets_post_fk foreign key (workspace_id, post_id) references posts (workspace_id, id) on delete cascade,
      constraint post_targets_account_fk foreign key (workspace_id, account_id) references connected_accounts (workspace_id, id) on delete cascade,
      constraint post_targets_post_account_unique unique (post_id, account_id),
      constraint post_targets_published_has_remote_id check (status <> 'published' or remote_id is not null),
      constraint post_targets_scheduled_has_due check (status not in ('scheduled', 'publishing', 'unconfirmed') or (due_at is not null and run_at is not null)),
      constraint post_targets_publishing_has_lease check ((status = 'publishing') = (lease_owner is not null and lease_expires_at is not null))
    );
    -- The claim queries: due rows in run_at order, expired leases.
    create index post_targets_due_idx on post_targets (run_at) where status in ('scheduled', 'unconfirmed');
    create index post_targets_lease_idx on post_targets (lease_expires_at) where status = 'publishing';
    create index post_targets_account_idx on post_targets (account_id);
    create index post_targets_workspace_due_idx on post_targets (workspace_id, due_at)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table post_targets');
}
