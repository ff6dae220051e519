import type { Knex } from 'knex';
import type { Role } from '#shared/roles.js';
import type { PersonRow } from './list-audit-events.js';

/** A pending invitation with the person who sent it. */
export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  invitedBy: PersonRow | null;
  createdAt: Date;
  expiresAt: Date;
}

/** Invitations of the workspace still waiting for an answer (not accepted, revoked or expired), newest first. */
export async function listInvitations(knex: Knex, workspaceId: string): Promise<InvitationRow[]> {
  const rows = (await knex('invitations as i')
    .leftJoin('users as u', 'u.id', 'i.invitedBy')
    .where('i.workspaceId', workspaceId)
    .whereNull('i.acceptedAt')
    .whereNull('i.revokedAt')
    .where('i.expiresAt', '>', knex.fn.now())
    .orderBy([{ column: 'i.createdAt', order: 'desc' }, { column: 'i.id', order: 'desc' }])
    .select('i.id', 'i.email', 'i.role', 'i.createdAt', 'i.expiresAt', 'u.id as inviterId', 'u.firstName', 'u.lastName')) as (Omit<
    InvitationRow,
    'invitedBy'
  > & { inviterId: string | null; firstName: string | null; lastName: string | null })[];
  return rows.map(({ inviterId, firstName, lastName, ...invitation }) => ({
    ...invitation,
    invitedBy: inviterId && firstName !== null && lastName !== null ? { id: inviterId, firstName, lastName } : null,
  }));
}
