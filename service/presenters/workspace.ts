import type { Member, Workspace as WorkspaceWire } from '#shared/api/workspaces.js';
import type { Role } from '#shared/roles.js';
import type { Workspace } from '../models/workspace.js';

/** A workspace with the caller's role in it. */
export function presentWorkspace(workspace: Pick<Workspace, 'id' | 'name' | 'createdAt'>, role: Role): WorkspaceWire {
  return { id: workspace.id, name: workspace.name, role, createdAt: workspace.createdAt.toISOString() };
}

/**
 * A member as other members see them: name, avatar and role, nothing else (P14). `avatarUrl` is the
 * signed address of their avatar (media/urls.ts `avatarUrlOf`), or null.
 */
export function presentMember(
  member: { userId: string; firstName: string; lastName: string; role: Role; joinedAt: Date },
  avatarUrl: string | null,
): Member {
  return {
    userId: member.userId,
    firstName: member.firstName,
    lastName: member.lastName,
    avatarUrl,
    role: member.role,
    joinedAt: member.joinedAt.toISOString(),
  };
}
