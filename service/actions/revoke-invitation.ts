import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { recordAuditEvent } from './record-audit-event.js';

/**
 * Withdraws an invitation of the workspace: its link stops working at once. Revoking one that is
 * already revoked changes nothing; one already accepted is 410 invitation_used (remove the member
 * instead). Audit: invitation.revoked.
 */
export async function revokeInvitation(
  knex: Knex,
  request: { workspaceId: string; invitationId: string; actorId: string },
): Promise<void> {
  await knex.transaction(async (trx) => {
    const invitation = await trx('invitations')
      .where({ id: request.invitationId, workspaceId: request.workspaceId })
      .forUpdate()
      .first<{ email: string; role: string; acceptedAt: Date | null; revokedAt: Date | null } | undefined>('email', 'role', 'acceptedAt', 'revokedAt');
    if (!invitation) throw new HttpError('not_found', { en: 'We could not find that invitation in this workspace.', de: 'Wir konnten diese Einladung in diesem Arbeitsbereich nicht finden.' });
    if (invitation.acceptedAt) {
      throw new HttpError('invitation_used', { en: 'This invitation was already accepted. To undo it, remove the member instead.', de: 'Diese Einladung wurde bereits angenommen. Um das rückgängig zu machen, entfernen Sie stattdessen das Mitglied.' });
    }
    if (invitation.revokedAt) return;
    await trx('invitations').where('id', request.invitationId).update({ revokedAt: trx.fn.now(), revokedBy: request.actorId });
    await recordAuditEvent(trx, {
      workspaceId: request.workspaceId,
      actorId: request.actorId,
      action: 'invitation.revoked',
      details: { invitationId: request.invitationId, email: invitation.email, role: invitation.role },
    });
  });
}
