import type { Knex } from 'knex';
import { roleAllows, type Role } from '#shared/roles.js';
import { HttpError } from '../errors.js';
import { findMember, type MemberRow } from './list-members.js';
import { lockMemberships } from './lock-memberships.js';
import { recordAuditEvent } from './record-audit-event.js';

/** Who asks, in which workspace, and what they ask for. */
export interface ChangeRoleRequest {
  workspaceId: string;
  actorId: string;
  userId: string;
  role: Role;
}

/**
 * Gives a member another role. Admins and owners may; only an owner may make someone an owner or
 * change an owner's role (403 forbidden); the last owner cannot be demoted (409 last_owner, checked
 * under the membership lock, so two concurrent demotions cannot leave a workspace without an owner).
 * Recorded in the audit log; asking for the role a member already has changes and records nothing.
 */
export async function changeMemberRole(knex: Knex, request: ChangeRoleRequest): Promise<MemberRow> {
  return knex.transaction(async (trx) => {
    const locked = await lockMemberships(trx, request.workspaceId);
    const actorRole = locked.roleOf(request.actorId);
    if (!actorRole) throw new HttpError('not_found');
    if (!roleAllows(actorRole, 'admin')) throw new HttpError('forbidden', { en: 'Only admins and owners can change roles.', de: 'Nur Admins und Inhaber können Rollen ändern.' });
    const target = locked.member(request.userId);
    if ((request.role === 'owner' || target.role === 'owner') && actorRole !== 'owner') {
      throw new HttpError('forbidden', { en: "Only an owner can make someone an owner or change an owner's role.", de: 'Nur ein Inhaber kann jemanden zum Inhaber machen oder die Rolle eines Inhabers ändern.' });
    }
    if (target.role !== request.role) {
      if (target.role === 'owner' && locked.ownerCount() === 1) {
        throw new HttpError(
          'last_owner',
          request.userId === request.actorId
            ? {
              en: 'You are the only owner. Make another member an owner (or transfer ownership) before changing your own role.',
              de: 'Sie sind der einzige Inhaber. Machen Sie ein anderes Mitglied zum Inhaber (oder übertragen Sie die Inhaberschaft), bevor Sie Ihre eigene Rolle ändern.',
            }
            : undefined,
        );
      }
      await trx('memberships').where({ workspaceId: request.workspaceId, userId: request.userId }).update({ role: request.role });
      await recordAuditEvent(trx, {
        workspaceId: request.workspaceId,
        actorId: request.actorId,
        action: 'member.role_changed',
        targetUserId: request.userId,
        details: { from: target.role, to: request.role },
      });
    }
    return findMember(trx, request.workspaceId, request.userId);
  });
}
