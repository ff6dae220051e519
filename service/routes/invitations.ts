import { acceptInvitation } from '../actions/accept-invitation.js';
import { createInvitation } from '../actions/create-invitation.js';
import { listInvitations } from '../actions/list-invitations.js';
import { openInvitation } from '../actions/open-invitation.js';
import { revokeInvitation } from '../actions/revoke-invitation.js';
import { presentInvitation, presentInvitationPreview } from '../presenters/invitation.js';
import { presentWorkspace } from '../presenters/workspace.js';
import type { Handlers } from './types.js';

/** Invitations: sent and managed by admins, previewed and accepted by the invited person. */
export const invitationHandlers = {
  createInvitation: async ({ knex, config, auth, input }) => {
    const invitation = await createInvitation(knex, config, {
      workspaceId: auth.workspaceId,
      inviter: auth.user,
      email: input.body.email,
      role: input.body.role,
    });
    return presentInvitation({ ...invitation, invitedBy: auth.user });
  },
  listInvitations: async ({ knex, auth }) => ({ items: (await listInvitations(knex, auth.workspaceId)).map(presentInvitation) }),
  revokeInvitation: async ({ knex, auth, input }) => {
    await revokeInvitation(knex, { workspaceId: auth.workspaceId, invitationId: input.params.invitationId, actorId: auth.user.id });
  },
  previewInvitation: async ({ knex, config, input }) => presentInvitationPreview(await openInvitation(knex, config.appSecret, input.query.token)),
  acceptInvitation: async ({ knex, config, auth, input }) => {
    const { workspace, role } = await acceptInvitation(knex, config.appSecret, input.body.token, auth.user.id);
    return { workspace: presentWorkspace(workspace, role) };
  },
} satisfies Partial<Handlers>;
