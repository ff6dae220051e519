import type { Knex } from 'knex';
import { roleAllows } from '#shared/roles.js';
import { HttpError } from '../errors.js';
import { lockMemberships, repointDefaultWorkspace } from './lock-memberships.js';
import { recordAuditEvent } from './record-audit-event.js';

/**
 * Takes `userId` out of the workspace: removed by an admin or owner, or leaving when `actorId` is
 * `userId` (any role may leave). Only an owner removes an owner (403 forbidden), and the last owner can
 * neither leave nor be removed (409 last_owner), checked under the membership lock. What they created
 * stays in the workspace. Their default workspace moves to another of theirs. Audit: member.removed or
 * member.left.
 */
export async function removeMember(knex: Knex, request: { workspaceId: string; actorId: string; userId: string }): Promise<void> {
  const leaving = request.actorId === request.userId;
  await knex.transaction(async (trx) => {
    const locked = await lockMemberships(trx, request.workspaceId);
    const actorRole = locked.roleOf(request.actorId);
    if (!actorRole) throw new HttpError('not_found');
    if (!leaving && !roleAllows(actorRole, 'admin')) throw new HttpError('forbidden', { en: 'Only admins and owners can remove members.', de: 'Nur Admins und Inhaber können Mitglieder entfernen.' });
    const target = locked.member(request.userId);
    if (!leaving && target.role === 'owner' && actorRole !== 'owner') {
      throw new HttpError('forbidden', { en: 'Only an owner can remove an owner.', de: 'Nur ein Inhaber kann einen Inhaber entfernen.' });
    }
    if (target.role === 'owner' && locked.ownerCount() === 1) {
      throw new HttpError(
        'last_owner',
        leaving
          ? {
            en: 'You are the only owner. Make another member an owner (or transfer ownership) before you leave, or delete the workspace.',
            de: 'Sie sind der einzige Inhaber. Machen Sie ein anderes Mitglied zum Inhaber (oder übertragen Sie die Inhaberschaft), bevor Sie gehen, oder löschen Sie den Arbeitsbereich.',
          }
          : undefined,
      );
    }
    await trx('memberships').where({ workspaceId: request.workspaceId, userId: request.userId }).delete();
    await repointDefaultWorkspace(trx, request.workspaceId, request.userId);
    await recordAuditEvent(trx, {
      workspaceId: request.workspaceId,
      actorId: request.actorId,
      action: leaving ? 'member.left' : 'member.removed',
      targetUserId: request.userId,
      details: { role: target.role },
    });
  });
}
