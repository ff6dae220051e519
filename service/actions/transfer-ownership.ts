import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { Workspace } from '../models/workspace.js';
import { lockMemberships } from './lock-memberships.js';
import { recordAuditEvent } from './record-audit-event.js';

/**
 * Hands ownership to another member: they become an owner, the caller (an owner) becomes an admin, in
 * one transaction under the membership lock. 404 when `userId` is not a member; 400 when it is the
 * caller. Audit: ownership.transferred. Returns the workspace (the caller's role is now admin).
 */
export async function transferOwnership(
  knex: Knex,
  request: { workspaceId: string; actorId: string; userId: string },
): Promise<Workspace> {
  if (request.userId === request.actorId) {
    throw new HttpError('validation_failed', { en: 'Choose another member to hand ownership to.', de: 'Wählen Sie ein anderes Mitglied, dem Sie die Inhaberschaft übergeben.' }, [
      { path: 'userId', message: { en: 'is you; choose another member', de: 'sind Sie selbst; wählen Sie ein anderes Mitglied' } },
    ]);
  }
  return knex.transaction(async (trx) => {
    const locked = await lockMemberships(trx, request.workspaceId);
    const actorRole = locked.roleOf(request.actorId);
    if (!actorRole) throw new HttpError('not_found');
    if (actorRole !== 'owner') throw new HttpError('forbidden', { en: 'Only an owner can transfer ownership.', de: 'Nur ein Inhaber kann die Inhaberschaft übertragen.' });
    const target = locked.member(request.userId);
    await trx('memberships').where({ workspaceId: request.workspaceId, userId: request.userId }).update({ role: 'owner' });
    await trx('memberships').where({ workspaceId: request.workspaceId, userId: request.actorId }).update({ role: 'admin' });
    await recordAuditEvent(trx, {
      workspaceId: request.workspaceId,
      actorId: request.actorId,
      action: 'ownership.transferred',
      targetUserId: request.userId,
      details: { targetPreviousRole: target.role, actorNewRole: 'admin' },
    });
    const workspace = await Workspace.query(trx).findById(request.workspaceId);
    if (!workspace) throw new HttpError('not_found');
    return workspace;
  });
}
