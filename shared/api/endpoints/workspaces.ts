import type { Endpoint } from '../endpoint.js';
import { WorkspaceParams } from '../common.js';
import { MemberList, Workspace, WorkspaceList, WorkspaceNameInput } from '../workspaces.js';

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
    summary: 'Rename a workspace.', params: WorkspaceParams, body: WorkspaceNameInput, response: Workspace,
  },
  listMembers: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/members', tag: 'workspaces', auth: 'member', role: 'viewer',
    summary: "The workspace's members: name and role.", params: WorkspaceParams, response: MemberList,
  },
} as const satisfies Record<string, Endpoint>;
