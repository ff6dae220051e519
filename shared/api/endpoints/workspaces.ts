import type { Endpoint } from '../endpoint.js';
import { AuditEventPage, AuditEventsQuery } from '../audit.js';
import { WorkspaceParams } from '../common.js';
import { DeleteWorkspaceInput, TransferOwnershipInput, Workspace, WorkspaceList, WorkspaceNameInput } from '../workspaces.js';

export const workspacesEndpoints = {
  listWorkspaces: {
    method: 'GET', path: '/api/v1/workspaces', tag: 'workspaces', auth: 'session',
    summary: 'Workspaces you are a member of, with your role.', response: WorkspaceList,
  },
  createWorkspace: {
    method: 'POST', path: '/api/v1/workspaces', tag: 'workspaces', auth: 'session',
    summary: 'Create a workspace; you become its owner.', body: WorkspaceNameInput, response: Workspace, status: 201,
  },
  getWorkspace: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId', tag: 'workspaces', auth: 'member', role: 'viewer',
    summary: 'One workspace.', params: WorkspaceParams, response: Workspace,
  },
  renameWorkspace: {
    method: 'PATCH', path: '/api/v1/workspaces/:workspaceId', tag: 'workspaces', auth: 'member', role: 'admin',
    summary: 'Rename a workspace (recorded in the audit log).', params: WorkspaceParams, body: WorkspaceNameInput, response: Workspace,
  },
  deleteWorkspace: {
    method: 'DELETE', path: '/api/v1/workspaces/:workspaceId', tag: 'workspaces', auth: 'member', role: 'owner',
    summary: "Delete a workspace with everything in it. The body repeats the workspace's name as confirmation.",
    params: WorkspaceParams, body: DeleteWorkspaceInput,
  },
  transferOwnership: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/transfer-ownership', tag: 'workspaces', auth: 'member', role: 'owner',
    summary: 'Make another member an owner; you become an admin.', params: WorkspaceParams, body: TransferOwnershipInput, response: Workspace,
  },
  listAuditEvents: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/audit-events', tag: 'workspaces', auth: 'member', role: 'admin',
    summary: 'Security-relevant changes of the workspace, newest first; paginated with `cursor`.',
    params: WorkspaceParams, query: AuditEventsQuery, response: AuditEventPage,
  },
} as const satisfies Record<string, Endpoint>;
