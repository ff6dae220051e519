import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { Workspace } from '../models/workspace.js';

/** Renames a workspace (admins and owners: checked by the route's role). */
export async function renameWorkspace(knex: Knex, workspaceId: string, name: string): Promise<Workspace> {
  const workspace = await Workspace.query(knex).patchAndFetchById(workspaceId, { name, updatedAt: new Date() });
  if (!workspace) throw new HttpError('not_found');
  return workspace;
}
