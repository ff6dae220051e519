import type { Knex } from 'knex';

/**
 * A workspace whose only member asked to delete their account must not renew (its data goes at the end
 * of the paid period, P17): the request sets cancel-at-period-end at Stripe and marks it here, so
 * cancelling the deletion renews exactly those subscriptions again — and not one its owner had already
 * cancelled themselves.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table workspace_subscriptions add column renewal_stopped_for_deletion boolean not null default false');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table workspace_subscriptions drop column renewal_stopped_for_deletion');
}
