import type { Knex } from 'knex';

/**
 * Account deletion with a cooling-off period (P17, P18) and the records that outlive the account.
 *
 * users: when deletion was requested, when it is due (at least 30 days, longer while a paid period runs),
 * and when the reminder was queued (once). A pending deletion restricts publishing (read by the session
 * lookup, no extra query). The lease keeps two job runners off the same account; a runner that crashed
 * lets its lease lapse and the next run resumes where it stopped. The partial index lets the deletion job find due accounts without a scan.
 *
 * legal_acceptances: kept 5 years after the account is deleted (P19) without the account: the user id
 * gives way to a random pseudonym and the date of deletion (the retention job purges them 5 years later).
 * The foreign key stays RESTRICT, so deleting an account whose acceptances were not pseudonymised fails
 * instead of losing the records; the check keeps every row either linked or pseudonymised.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    alter table users
      add column deletion_requested_at timestamptz,
      add column deletion_due_at timestamptz,
      add column deletion_reminded_at timestamptz,
      add column deletion_lease_expires_at timestamptz,
      add constraint users_deletion_dates check ((deletion_requested_at is null) = (deletion_due_at is null));
    create index users_deletion_due_at_idx on users (deletion_due_at) where deletion_due_at is not null;

    alter table legal_acceptances
      alter column user_id drop not null,
      add column pseudonym uuid,
      add column account_deleted_at timestamptz,
      add constraint legal_acceptances_linked_or_pseudonymised
        check ((user_id is not null and pseudonym is null and account_deleted_at is null)
            or (user_id is null and pseudonym is not null and account_deleted_at is not null));
    create index legal_acceptances_account_deleted_at_idx on legal_acceptances (account_deleted_at) where account_deleted_at is not null;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    delete from legal_acceptances where user_id is null;
    alter table legal_acceptances
      drop constraint legal_acceptances_linked_or_pseudonymised,
      drop column pseudonym,
      drop column account_deleted_at,
      alter column user_id set not null;
    alter table users
      drop constraint users_deletion_dates,
      drop column deletion_requested_at,
      drop column deletion_due_at,
      drop column deletion_reminded_at,
      drop column deletion_lease_expires_at;
  `);
}
