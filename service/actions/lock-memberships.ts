import type { Knex } from 'knex';
import type { Role } from '#shared/roles.js';
import { HttpError } from '../errors.js';

/** A member's id and role as read under the lock. */
export interface LockedMember {
  userId: string;
  role: Role;
}

/** The workspace's members, locked, with helpers for the rules every membership change checks. */
export interface LockedMemberships {
  members: LockedMember[];
  /** The role of `userId`, or undefined when they are not a member. */
  roleOf(userId: string): Role | undefined;
  ownerCount(): number;
  /** The member `userId`; 404 not_found when they are not one. */
  member(userId: string): LockedMember;
}

/**
 * Locks every membership row of the workspace (`FOR UPDATE`, in user id order so two transactions never
 * deadlock) and returns them. Every change of roles or members takes this lock first, so rules such as
 * "at least one owner remains" are checked against rows no concurrent transaction can change: of two
 * owners demoting each other at once, the second sees the first's result and is refused.
 * The caller's own role is re-read here too, so a role changed a moment ago counts, not the one the
 * request was authorised with.
 */
export async function lockMemberships(trx: Knex.Transaction, workspaceId: string): Promise<LockedMemberships> {
  const members = (await trx('memberships')
    .where({ workspaceId })
    .orderBy('userId')
    .forUpdate()
    .select('userId', 'role')) as LockedMember[];
  const roleOf = (userId: string) => members.find((member) => member.userId === userId)?.role;
  return {
    members,
    roleOf,
    ownerCount: () => members.filter((member) => member.role === 'owner').length,
    member(userId) {
      const found = members.find((member) => member.userId === userId);
      if (!found) throw new HttpError('not_found', { en: 'That person is not a member of this workspace.', de: 'Diese Person ist kein Mitglied dieses Arbeitsbereichs.' });
      return found;
    },
  };
}

/**
 * Points the default workspace of users whose default is `workspaceId` (only `userId`, when given) at
 * another workspace they belong to — the one they joined first — or at none. Runs when someone leaves,
 * is removed, or the workspace is deleted, so captures never head for a workspace they cannot reach.
 */
export async function repointDefaultWorkspace(trx: Knex.Transaction, workspaceId: string, userId?: string): Promise<void> {
  const query = trx('users as u')
    .where('u.defaultWorkspaceId', workspaceId)
    .update({
      defaultWorkspaceId: trx.raw(
        `(select m.workspace_id from memberships m where m.user_id = u.id and m.workspace_id <> ?
          order by m.created_at, m.workspace_id limit 1)`,
        [workspaceId],
      ),
      updatedAt: trx.fn.now(),
    });
  if (userId) query.where('u.id', userId);
  await query;
}
