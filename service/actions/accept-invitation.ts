import { bilingual } from '#shared/i18n.js';
import type { Knex } from 'knex';
import { HttpError, isUniqueViolation } from '../errors.js';
import { Workspace } from '../models/workspace.js';
import { openInvitation, type OpenInvitation } from './open-invitation.js';
import { recordAuditEvent } from './record-audit-event.js';
import { subscribeVerifiedAddress } from '../email/preferences.js';

/** The account accepting: its id and email. */
export interface Accepter {
  id: string;
  email: string;
}

/**
 * Turns a locked, open invitation into a membership, inside the caller's transaction: the accepting
 * account's email must be the invited one (403 invitation_email_mismatch), the person must not be a
 * member already (409 already_member). Marks the invitation used, records member.joined, counts the
 * email as verified (the link reached that inbox) and makes the workspace the person's default when
 * they had none.
 */
export async function joinByInvitation(trx: Knex.Transaction, invitation: OpenInvitation, accepter: Accepter): Promise<Workspace> {
  if (accepter.email.toLowerCase() !== invitation.email) {
    throw new HttpError('invitation_email_mismatch', bilingual({
      en: 'This invitation was sent to {invited}, but you are signed in as {you}. Sign in with the invited address to accept it.',
      de: 'Diese Einladung ging an {invited}, Sie sind aber als {you} angemeldet. Melden Sie sich mit der eingeladenen Adresse an, um sie anzunehmen.',
    }, { invited: invitation.email, you: accepter.email }));
  }
  try {
    await trx('memberships').insert({ workspaceId: invitation.workspaceId, userId: accepter.id, role: invitation.role });
  } catch (error) {
    if (isUniqueViolation(error, 'memberships_pkey')) {
      throw new HttpError('already_member', bilingual({ en: 'You are already a member of {workspace}.', de: 'Sie sind bereits Mitglied von {workspace}.' }, { workspace: invitation.workspaceName }));
    }
    throw error;
  }
  await trx('invitations').where('id', invitation.id).update({ acceptedAt: trx.fn.now(), acceptedBy: accepter.id });
  // Opening the invitation sent to this address verifies it (P11 subscribes a newly verified address).
  const unverified = await trx('users').where('id', accepter.id).whereNull('emailVerifiedAt').first('id');
  if (unverified) await subscribeVerifiedAddress(trx, accepter.id);
  await trx('users')
    .where('id', accepter.id)
    .update({
      emailVerifiedAt: trx.raw('coalesce(email_verified_at, now())'),
      defaultWorkspaceId: trx.raw('coalesce(default_workspace_id, ?)', [invitation.workspaceId]),
      updatedAt: trx.fn.now(),
    });
  await recordAuditEvent(trx, {
    workspaceId: invitation.workspaceId,
    actorId: accepter.id,
    action: 'member.joined',
    targetUserId: accepter.id,
    details: { invitationId: invitation.id, role: invitation.role },
  });
  const workspace = await Workspace.query(trx).findById(invitation.workspaceId);
  if (!workspace) throw new HttpError('invitation_not_found');
  return workspace;
}

/**
 * Accepts the invitation behind `token` for the signed-in account `userId` (the extension's path).
 * Single use: the invitation row is locked for the whole transaction. Returns the workspace joined
 * and the role it came with.
 */
export async function acceptInvitation(
  knex: Knex,
  appSecret: string,
  token: string,
  userId: string,
): Promise<{ workspace: Workspace; role: OpenInvitation['role'] }> {
  return knex.transaction(async (trx) => {
    const invitation = await openInvitation(trx, appSecret, token, { lock: true });
    const user = await trx('users').where('id', userId).first<{ email: string } | undefined>('email');
    if (!user) throw new HttpError('unauthenticated');
    return { workspace: await joinByInvitation(trx, invitation, { id: userId, email: user.email }), role: invitation.role };
  });
}
