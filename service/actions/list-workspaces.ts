import type { Knex } from 'knex';
import type { Role } from '#shared/roles.js';

/** A workspace the person belongs to, with their role. */
export interface WorkspaceWithRole {
  id: string;
  name: string;
  createdAt: Date;
  role: Role;
}

/** The person's workspaces, oldest first (the personal one leads). */
export async function listWorkspaces(knex: Knex, userId: string): Promise<WorkspaceWithRole[]> {
  return knex('memberships as m')
    .join('workspaces as w', 'w.id', 'm.workspaceId')
    .where('m.userId', userId)
    .select<WorkspaceWithRole[]>('w.id', 'w.name', 'w.createdAt', 'm.role')
    .orderBy([{ column: 'w.createdAt' }, { column: 'w.id' }]);
}
