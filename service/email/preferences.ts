import type { Knex } from 'knex';
import type { EmailKind } from './kinds.js';

/** True unless `userId` turned `kind` off (P10: no row means on). */
export async function emailKindEnabled(knex: Knex | Knex.Transaction, userId: string, kind: EmailKind): Promise<boolean> {
  const row = await knex('emailPreferences').where({ userId, kind }).first('enabled');
  return row?.enabled ?? true;
}

/** Records a person's choice for one kind of email. */
export async function setEmailKindEnabled(knex: Knex | Knex.Transaction, userId: string, kind: EmailKind, enabled: boolean): Promise<void> {
  await knex('emailPreferences').insert({ userId, kind, enabled }).onConflict(['userId', 'kind']).merge({ enabled, updatedAt: knex.fn.now() });
}
