import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { Workspace } from '../models/workspace.js';

/** One workspace (membership was checked by the auth middleware). */
export async function getWorkspace(knex: Knex, workspaceId: string): Promise<Workspace> {
  const workspace = await Workspace.query(knex).findById(workspaceId);
  if (!workspace) throw new HttpError('not_found');
  return workspace;
}
