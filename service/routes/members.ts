import { changeMemberRole } from '../actions/change-member-role.js';
import { listMembers } from '../actions/list-members.js';
import { removeMember } from '../actions/remove-member.js';
import { avatarUrlOf } from '../media/urls.js';
import { presentMember } from '../presenters/workspace.js';
import type { Handlers } from './types.js';

/** Members of a workspace: list, change role, remove, leave. */
export const memberHandlers = {
  listMembers: async ({ knex, auth, storage, config }) => ({
    items: await Promise.all(
      (await listMembers(knex, auth.workspaceId)).map(async (member) => presentMember(member, await avatarUrlOf({ storage, config }, member))),
    ),
  }),
  changeMemberRole: async ({ knex, auth, input, storage, config }) => {
    const member = await changeMemberRole(knex, { workspaceId: auth.workspaceId, actorId: auth.user.id, userId: input.params.userId, role: input.body.role });
    return presentMember(member, await avatarUrlOf({ storage, config }, member));
  },
  removeMember: async ({ knex, auth, input }) => {
    await removeMember(knex, { workspaceId: auth.workspaceId, actorId: auth.user.id, userId: input.params.userId });
  },
  leaveWorkspace: async ({ knex, auth }) => {
    await removeMember(knex, { workspaceId: auth.workspaceId, actorId: auth.user.id, userId: auth.user.id });
  },
} satisfies Partial<Handlers>;
