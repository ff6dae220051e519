import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import type { ImportRow } from '../imports/import-row.js';

/** One of the person's imports into the workspace; anyone else's (or another workspace's) is 404. */
export async function getImport(knex: Knex, who: { userId: string; workspaceId: string }, importId: string): Promise<ImportRow> {
  const row = (await knex('imports').where({ id: importId, userId: who.userId, workspaceId: who.workspaceId }).first()) as ImportRow | undefined;
  if (!row) throw new HttpError('not_found');
  return row;
}
