import type { Knex } from 'knex';
import type { EmailKind } from './kinds.js';

/** Records that `email` wants no more emails of `kind` (P11); doing it twice changes nothing. */
export async function suppressEmail(knex: Knex | Knex.Transaction, claim: { email: string; kind: EmailKind }): Promise<void> {
  await knex
    .insert({ email: claim.email.trim().toLowerCase(), kind: claim.kind })
    .into('emailSuppressions')
    .onConflict(['email', 'kind'])
    .ignore();
}

/** True when `email` unsubscribed from `kind`. */
export async function isSuppressed(knex: Knex | Knex.Transaction, email: string, kind: string): Promise<boolean> {
  const row = await knex('emailSuppressions').where({ email: email.trim().toLowerCase(), kind }).first('kind');
  return row !== undefined;
}
