import type { Invitation as InvitationWire, InvitationPreview } from '#shared/api/invitations.js';
import type { InvitationRow } from '../actions/list-invitations.js';
import type { OpenInvitation } from '../actions/open-invitation.js';

/** A pending invitation as admins see it. */
export function presentInvitation(invitation: InvitationRow): InvitationWire {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    invitedBy: invitation.invitedBy,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/** What the holder of the link sees before accepting (no ids: the link is all they need). */
export function presentInvitationPreview(invitation: OpenInvitation): InvitationPreview {
  return {
    workspaceName: invitation.workspaceName,
    inviterName: invitation.inviterName,
    role: invitation.role,
    email: invitation.email,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
