import type { Knex } from 'knex';
import type { Role } from '#shared/roles.js';
import { HttpError } from '../errors.js';

/** What members see of each other: name and role (P14), never email. */
export interface MemberRow {
  userId: string;
  firstName: string;
  lastName: string;
  role: Role;
  joinedAt: Date;
  /** Storage key of the avatar's square thumbnail (signed into `avatarUrl` by the presenter's caller). */
  avatarThumbnailKey: string | null;
}

function selectMembers(knex: Knex, workspaceId: string) {
  return knex('memberships as m')
    .join('users as u', 'u.id', 'm.userId')
    .where('m.workspaceId', workspaceId)
    .select<MemberRow[]>('m.userId', 'u.firstName', 'u.lastName', 'm.role', 'm.createdAt as joinedAt', 'u.avatarThumbnailKey');
}

/** The workspace's members in the order they joined. */
export async function listMembers(knex: Knex, workspaceId: string): Promise<MemberRow[]> {
  return selectMembers(knex, workspaceId).orderBy([{ column: 'm.createdAt' }, { column: 'm.userId' }]);
}

/** One member of the workspace; 404 not_found when `userId` is not one. */
export async function findMember(knex: Knex, workspaceId: string, userId: string): Promise<MemberRow> {
  const [member] = await selectMembers(knex, workspaceId).where('m.userId', userId);
  if (!member) throw new HttpError('not_found', { en: 'That person is not a member of this workspace.', de: 'Diese Person ist kein Mitglied dieses Arbeitsbereichs.' });
  return member;
}
