import type { Knex } from 'knex';
import { ACTIVE_IMPORT_STATUSES, type ImportRow } from '../imports/import-row.js';

/** How many imports a list answers at most. */
export const IMPORT_LIST_LIMIT = 50;

/** The person's imports into the workspace, newest first; `active`: only those still running. */
export async function listImports(knex: Knex, who: { userId: string; workspaceId: string }, options: { active?: boolean | undefined }): Promise<ImportRow[]> {
  const query = knex('imports').where({ userId: who.userId, workspaceId: who.workspaceId }).orderBy([{ column: 'createdAt', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(IMPORT_LIST_LIMIT);
  if (options.active) query.whereIn('status', ACTIVE_IMPORT_STATUSES);
  return (await query) as ImportRow[];
}
