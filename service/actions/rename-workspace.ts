import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { Workspace } from '../models/workspace.js';
import { recordAuditEvent } from './record-audit-event.js';

/** Renames a workspace (admins and owners: checked by the route's role); recorded in the audit log. */
export async function renameWorkspace(knex: Knex, workspaceId: string, actorId: string, name: string): Promise<Workspace> {
  return knex.transaction(async (trx) => {
    const before = await Workspace.query(trx).findById(workspaceId).forUpdate();
    if (!before) throw new HttpError('not_found');
    if (before.name === name) return before;
    const workspace = await Workspace.query(trx).patchAndFetchById(workspaceId, { name, updatedAt: new Date() });
    await recordAuditEvent(trx, { workspaceId, actorId, action: 'workspace.renamed', details: { from: before.name, to: name } });
    return workspace;
  });
}
