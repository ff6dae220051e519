import type { AuditEventPage } from '#shared/api/audit.js';
import type { InvitationPreview } from '#shared/api/invitations.js';
import { roleAllows, type Role } from '#shared/roles.js';
import { refreshAccount } from './account.js';
import { call } from './api-client.js';
import { ApiError } from './errors.js';
import type { ExtensionState, MembersPanelData } from './messaging/protocol.js';
import { readState } from './state.js';
import { sessionItem } from './storage.js';

/**
 * Team actions the options page asks the background for: members, roles, invitations, ownership.
 * Every change answers with the panel's data read afresh, so the page shows what the service holds
 * (including what other admins changed meanwhile).
 */

/** A workspace's members, and its pending invitations when the caller's role may see them. */
export async function getMembers(data: { workspaceId: string }): Promise<MembersPanelData> {
  const params = { workspaceId: data.workspaceId };
  const [workspace, members, session] = await Promise.all([call('getWorkspace', { params }), call('listMembers', { params }), sessionItem.getValue()]);
  const invitations = roleAllows(workspace.role, 'admin') ? (await call('listInvitations', { params })).items : null;
  return {
    workspace: { id: workspace.id, name: workspace.name, role: workspace.role },
    myUserId: session?.user.id ?? '',
    members: members.items,
    invitations,
  };
}

/** The workspace's audit log, newest first, a page at a time (owners and admins; others get 403). */
export async function getAuditEvents(data: { workspaceId: string; cursor?: string }): Promise<AuditEventPage> {
  return await call('listAuditEvents', { params: { workspaceId: data.workspaceId }, query: { limit: 20, ...(data.cursor ? { cursor: data.cursor } : {}) } });
}

/** Invites `email` with `role`; field errors (email) come back from the service as they are. */
export async function inviteMember(data: { workspaceId: string; email: string; role: Role }): Promise<MembersPanelData> {
  await call('createInvitation', { params: { workspaceId: data.workspaceId }, body: { email: data.email.trim(), role: data.role } });
  return getMembers(data);
}

/** Withdraws a pending invitation. */
export async function revokeInvitation(data: { workspaceId: string; invitationId: string }): Promise<MembersPanelData> {
  await call('revokeInvitation', { params: data });
  return getMembers(data);
}

/** Gives a member another role; when it is the caller's own, the stored workspaces are refreshed too. */
export async function changeMemberRole(data: { workspaceId: string; userId: string; role: Role }): Promise<MembersPanelData> {
  await call('changeMemberRole', { params: { workspaceId: data.workspaceId, userId: data.userId }, body: { role: data.role } });
  if (data.userId === (await sessionItem.getValue())?.user.id) await refreshAccount();
  return getMembers(data);
}

/** Removes another member. */
export async function removeMember(data: { workspaceId: string; userId: string }): Promise<MembersPanelData> {
  await call('removeMember', { params: data });
  return getMembers(data);
}

/** Makes `userId` an owner; the caller becomes an admin (their stored role is refreshed). */
export async function transferOwnership(data: { workspaceId: string; userId: string }): Promise<MembersPanelData> {
  await call('transferOwnership', { params: { workspaceId: data.workspaceId }, body: { userId: data.userId } });
  await refreshAccount();
  return getMembers(data);
}

/** Leaves the workspace; the state afterwards no longer lists it (and points captures elsewhere). */
export async function leaveWorkspace(data: { workspaceId: string }): Promise<ExtensionState> {
  await call('leaveWorkspace', { params: { workspaceId: data.workspaceId } });
  return readState(await refreshAccount());
}

/**
 * The token of an invitation link as the person pastes it: the whole link from the email, or just the
 * token. Anything else is a field error on `link`, before anything is sent.
 */
export function invitationToken(link: string): string {
  const text = link.trim();
  let token = text;
  try {
    token = new URL(text).searchParams.get('token') ?? '';
  } catch {
    // Not a URL: the token itself.
  }
  if (!/^mni_[A-Za-z0-9_-]+$/.test(token)) {
    throw new ApiError('validation_failed', 'Paste the invitation link from the email.', 400, [
      { path: 'link', message: 'must be the invitation link from the email' },
    ]);
  }
  return token;
}

/** What an invitation link offers (workspace, inviter, role, invited email), before accepting. */
export async function previewInvitation(data: { link: string }): Promise<InvitationPreview> {
  return call('previewInvitation', { query: { token: invitationToken(data.link) } });
}

/** Accepts an invitation with the signed-in account; the state afterwards lists the new workspace. */
export async function acceptInvitation(data: { link: string }): Promise<ExtensionState> {
  await call('acceptInvitation', { body: { token: invitationToken(data.link) } });
  return readState(await refreshAccount());
}
