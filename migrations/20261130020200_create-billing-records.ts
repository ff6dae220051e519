import type { Knex } from 'knex';

/**
 * Invoices as Stripe reported them, kept 7 years (P19) whatever happens to the account: no foreign key
 * to users at all, and the workspace reference becomes null when the workspace is deleted while its
 * name and the Stripe customer id stay with the record (P18: the Stripe customer is retained). Amounts
 * are in the currency's minor unit, as Stripe gives them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table billing_records (
      id uuid primary key default gen_random_uuid(),
      stripe_invoice_id text not null unique check (stripe_invoice_id ~ '^in_[A-Za-z0-9]+$'),
      stripe_customer_id text not null check (stripe_customer_id ~ '^cus_[A-Za-z0-9]+$'),
      stripe_subscription_id text,
      workspace_id uuid references workspaces (id) on delete set null,
      workspace_name text not null,
      plan text check (plan in ('pro', 'team')),
      amount_due bigint not null check (amount_due >= 0),
      amount_paid bigint not null check (amount_paid >= 0),
      currency text not null check (currency ~ '^[a-z]{3}$'),
      period_start timestamptz not null,
      period_end timestamptz not null,
      status text not null check (status in ('draft', 'open', 'paid', 'uncollectible', 'void')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint billing_records_period_order check (period_end >= period_start)
    );
    create index billing_records_workspace_idx on billing_records (workspace_id) where workspace_id is not null;
    create index billing_records_created_idx on billing_records (created_at)
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table billing_records');
}
