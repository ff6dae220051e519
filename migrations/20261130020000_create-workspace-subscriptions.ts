import type { Knex } from 'knex';

/**
 * Each workspace's Stripe subscription as we last read it from Stripe. Card data never gets here (P5):
 * Stripe's hosted pages collect it; we keep only Stripe's ids. `plan` is the plan paid for; the limits
 * that apply fall back to Free while `limited_since` is set (the grace period after a failed payment
 * ended). `synced_at` is when the state was read from Stripe, so an older read never overwrites a newer
 * one when webhooks arrive out of order.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table workspace_subscriptions (
      workspace_id uuid primary key references workspaces (id) on delete cascade,
      stripe_customer_id text not null unique check (stripe_customer_id ~ '^cus_[A-Za-z0-9]+$'),
      stripe_subscription_id text unique check (stripe_subscription_id ~ '^sub_[A-Za-z0-9]+$'),
      plan text not null default 'free' check (plan in ('free', 'pro', 'team')),
      status text check (status in ('incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'canceled', 'unpaid', 'paused')),
      current_period_end timestamptz,
      cancel_at_period_end boolean not null default false,
      payment_failed_at timestamptz,
      grace_ends_at timestamptz,
      limited_since timestamptz,
      synced_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint workspace_subscriptions_grace_after_failure check ((payment_failed_at is null) = (grace_ends_at is null))
    );
    create index workspace_subscriptions_grace_idx on workspace_subscriptions (grace_ends_at) where grace_ends_at is not null and limited_since is null
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table workspace_subscriptions');
}
