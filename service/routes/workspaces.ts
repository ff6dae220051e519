import { createWorkspace } from '../actions/create-workspace.js';
import { getWorkspace } from '../actions/get-workspace.js';
import { listMembers } from '../actions/list-members.js';
import { listWorkspaces } from '../actions/list-workspaces.js';
import { renameWorkspace } from '../actions/rename-workspace.js';
import { presentMember, presentWorkspace } from '../presenters/workspace.js';
import type { Handlers } from './types.js';

/** Workspaces and their members. */
export const workspaceHandlers = {
  listWorkspaces: async ({ knex, auth }) => ({
    items: (await listWorkspaces(knex, auth.user.id)).map((workspace) => presentWorkspace(workspace, workspace.role)),
  }),
  createWorkspace: async ({ knex, auth, input }) => presentWorkspace(await createWorkspace(knex, auth.user.id, input.body.name), 'owner'),
  getWorkspace: async ({ knex, auth }) => presentWorkspace(await getWorkspace(knex, auth.workspaceId), auth.role),
  renameWorkspace: async ({ knex, auth, input }) =>
    presentWorkspace(await renameWorkspace(knex, auth.workspaceId, input.body.name), auth.role),
  listMembers: async ({ knex, auth }) => ({ items: (await listMembers(knex, auth.workspaceId)).map(presentMember) }),
} satisfies Partial<Handlers>;
