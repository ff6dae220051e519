import type { Knex } from 'knex';
import type { Role } from '#shared/roles.js';

/** What members see of each other: name and role (P14), never email. */
export interface MemberRow {
  userId: string;
  firstName: string;
  lastName: string;
  role: Role;
  joinedAt: Date;
}

/** The workspace's members in the order they joined. */
export async function listMembers(knex: Knex, workspaceId: string): Promise<MemberRow[]> {
  return knex('memberships as m')
    .join('users as u', 'u.id', 'm.userId')
    .where('m.workspaceId', workspaceId)
    .select<MemberRow[]>('m.userId', 'u.firstName', 'u.lastName', 'm.role', 'm.createdAt as joinedAt')
    .orderBy([{ column: 'm.createdAt' }, { column: 'm.userId' }]);
}
