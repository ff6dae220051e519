import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { lockMemberships, repointDefaultWorkspace } from './lock-memberships.js';

/**
 * Deletes a workspace and, through the database's cascades, everything in it: members, posts,
 * invitations and its audit log. Owners only (re-checked under the membership lock); `confirmName`
 * must be the workspace's current name (400 workspace_name_mismatch), so a stale or mistaken click
 * cannot delete the wrong one. Everyone whose default workspace it was gets another of theirs (or none).
 */
export async function deleteWorkspace(
  knex: Knex,
  request: { workspaceId: string; actorId: string; confirmName: string },
): Promise<{ name: string; memberCount: number }> {
  return knex.transaction(async (trx) => {
    const workspace = await trx('workspaces').where('id', request.workspaceId).forUpdate().first<{ name: string } | undefined>('name');
    if (!workspace) throw new HttpError('not_found');
    const locked = await lockMemberships(trx, request.workspaceId);
    const actorRole = locked.roleOf(request.actorId);
    if (!actorRole) throw new HttpError('not_found');
    if (actorRole !== 'owner') throw new HttpError('forbidden', { en: 'Only an owner can delete the workspace.', de: 'Nur ein Inhaber kann den Arbeitsbereich löschen.' });
    if (request.confirmName.trim() !== workspace.name) {
      throw new HttpError('workspace_name_mismatch', undefined, [
        { path: 'name', message: { en: `must be the workspace's name, “${workspace.name}”`, de: `muss der Name des Arbeitsbereichs sein: „${workspace.name}“` } },
      ]);
    }
    await repointDefaultWorkspace(trx, request.workspaceId);
    await trx('workspaces').where('id', request.workspaceId).delete();
    return { name: workspace.name, memberCount: locked.members.length };
  });
}
