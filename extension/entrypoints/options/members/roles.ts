import { ROLES, type Role } from '#shared/roles.js';

/** How roles read in the panel, with what each may do. */
export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  viewer: 'Viewer',
};

export const ROLE_HINTS: Record<Role, string> = {
  owner: 'everything, including deleting the workspace and billing',
  admin: 'members, connected accounts and settings',
  editor: 'create, schedule and publish',
  viewer: 'read only',
};

/** Roles `myRole` may hand out: only owners make owners. Strongest first, as the menus list them. */
export function assignableRoles(myRole: Role): Role[] {
  return [...ROLES].reverse().filter((role) => role !== 'owner' || myRole === 'owner');
}

/** True when `myRole` manages members (admins and owners). */
export function managesMembers(myRole: Role): boolean {
  return myRole === 'admin' || myRole === 'owner';
}
