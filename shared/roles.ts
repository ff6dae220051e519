/** Workspace roles, weakest first. Each role can do everything the roles before it can. */
export const ROLES = ['viewer', 'editor', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` is at least `required` (e.g. an admin may do what an editor may). */
export function roleAllows(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
