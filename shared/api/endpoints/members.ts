import type { Endpoint } from '../endpoint.js';
import { WorkspaceParams } from '../common.js';
import {
  AcceptInvitationInput,
  AcceptInvitationResult,
  Invitation,
  InvitationList,
  InvitationParams,
  InvitationPreview,
  InvitationTokenQuery,
  InviteInput,
} from '../invitations.js';
import { ChangeRoleInput, Member, MemberList, MemberParams } from '../workspaces.js';

/** Members of a workspace and invitations to join one. */
export const membersEndpoints = {
  listMembers: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/members', tag: 'members', auth: 'member', role: 'viewer',
    summary: "The workspace's members: name and role (P14).", params: WorkspaceParams, response: MemberList,
  },
  changeMemberRole: {
    method: 'PATCH', path: '/api/v1/workspaces/:workspaceId/members/:userId', tag: 'members', auth: 'member', role: 'admin',
    summary: "Change a member's role. Only owners make or change owners; the last owner cannot be demoted.",
    params: MemberParams, body: ChangeRoleInput, response: Member,
  },
  removeMember: {
    method: 'DELETE', path: '/api/v1/workspaces/:workspaceId/members/:userId', tag: 'members', auth: 'member', role: 'admin',
    summary: 'Remove a member. Only owners remove owners; the last owner cannot be removed.', params: MemberParams,
  },
  leaveWorkspace: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/leave', tag: 'members', auth: 'member', role: 'viewer',
    summary: 'Leave the workspace (any role). The last owner must hand over ownership first.', params: WorkspaceParams,
  },
  createInvitation: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/invitations', tag: 'members', auth: 'member', role: 'admin', verifiedEmail: true,
    summary: 'Invite someone by email; they get a link valid for 7 days. Re-inviting an address replaces its pending invitation.',
    params: WorkspaceParams, body: InviteInput, response: Invitation, status: 201,
  },
  listInvitations: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/invitations', tag: 'members', auth: 'member', role: 'admin',
    summary: 'Invitations not yet accepted, revoked or expired, newest first.', params: WorkspaceParams, response: InvitationList,
  },
  revokeInvitation: {
    method: 'DELETE', path: '/api/v1/workspaces/:workspaceId/invitations/:invitationId', tag: 'members', auth: 'member', role: 'admin',
    summary: 'Withdraw an invitation; its link stops working.', params: InvitationParams,
  },
  previewInvitation: {
    method: 'GET', path: '/api/v1/invitations/preview', tag: 'members', auth: 'none',
    summary: 'What an invitation link offers: workspace, inviter, role, invited email and expiry.',
    query: InvitationTokenQuery, response: InvitationPreview,
  },
  acceptInvitation: {
    method: 'POST', path: '/api/v1/invitations/accept', tag: 'members', auth: 'session',
    summary: "Accept an invitation sent to your account's email: you join the workspace with the invited role.",
    body: AcceptInvitationInput, response: AcceptInvitationResult,
  },
} as const satisfies Record<string, Endpoint>;
