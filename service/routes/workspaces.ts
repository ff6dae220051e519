import { createWorkspace } from '../actions/create-workspace.js';
import { deleteWorkspace } from '../actions/delete-workspace.js';
import { getWorkspace } from '../actions/get-workspace.js';
import { listAuditEvents } from '../actions/list-audit-events.js';
import { listWorkspaces } from '../actions/list-workspaces.js';
import { renameWorkspace } from '../actions/rename-workspace.js';
import { transferOwnership } from '../actions/transfer-ownership.js';
import { presentAuditEvent } from '../presenters/audit-event.js';
import { presentWorkspace } from '../presenters/workspace.js';
import type { Handlers } from './types.js';

/** Workspaces: list, create, rename, delete, hand over, and their audit log. */
export const workspaceHandlers = {
  listWorkspaces: async ({ knex, auth }) => ({
    items: (await listWorkspaces(knex, auth.user.id)).map((workspace) => presentWorkspace(workspace, workspace.role)),
  }),
  createWorkspace: async ({ knex, auth, input }) => presentWorkspace(await createWorkspace(knex, auth.user.id, input.body.name), 'owner'),
  getWorkspace: async ({ knex, auth }) => presentWorkspace(await getWorkspace(knex, auth.workspaceId), auth.role),
  renameWorkspace: async ({ knex, auth, input }) =>
    presentWorkspace(await renameWorkspace(knex, auth.workspaceId, auth.user.id, input.body.name), auth.role),
  deleteWorkspace: async ({ knex, auth, input, log }) => {
    const deleted = await deleteWorkspace(knex, { workspaceId: auth.workspaceId, actorId: auth.user.id, confirmName: input.body.name });
    // The workspace's own audit log goes with it, so the deletion is recorded in the service log.
    log.info('workspace deleted', { workspaceId: auth.workspaceId, userId: auth.user.id, memberCount: deleted.memberCount });
  },
  transferOwnership: async ({ knex, auth, input }) =>
    presentWorkspace(await transferOwnership(knex, { workspaceId: auth.workspaceId, actorId: auth.user.id, userId: input.body.userId }), 'admin'),
  listAuditEvents: async ({ knex, auth, input }) => {
    const page = await listAuditEvents(knex, auth.workspaceId, input.query);
    return { items: page.items.map(presentAuditEvent), nextCursor: page.nextCursor };
  },
} satisfies Partial<Handlers>;
