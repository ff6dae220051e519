import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { ROLES } from '../roles.js';
import { Id, Timestamp, requiredText } from './common.js';

export const RoleSchema = z.enum(ROLES);

export const Workspace = z
  .object({
    id: Id,
    name: z.string(),
    role: RoleSchema.meta({ description: "The signed-in person's role here." }),
    createdAt: Timestamp,
  })
  .meta({ id: 'Workspace' });
export type Workspace = z.output<typeof Workspace>;

export const WorkspaceList = z.object({ items: z.array(Workspace) });
export type WorkspaceList = z.output<typeof WorkspaceList>;

export const WorkspaceNameInput = z
  .strictObject({ name: requiredText(LIMITS.workspaceNameLength) })
  .meta({ id: 'WorkspaceNameInput' });
export type WorkspaceNameInput = z.input<typeof WorkspaceNameInput>;

export const Member = z
  .object({
    userId: Id,
    firstName: z.string(),
    lastName: z.string(),
    avatarUrl: z.string().nullable().meta({ description: 'Signed, expiring address of the square avatar; null when there is none (P14).' }),
    role: RoleSchema,
    joinedAt: Timestamp,
  })
  .meta({ id: 'Member' });
export type Member = z.output<typeof Member>;

export const MemberList = z.object({ items: z.array(Member) });
export type MemberList = z.output<typeof MemberList>;

export const MemberParams = z.strictObject({ workspaceId: Id, userId: Id });

export const ChangeRoleInput = z
  .strictObject({ role: RoleSchema.meta({ description: 'The new role. Only an owner may make someone an owner.' }) })
  .meta({ id: 'ChangeRoleInput' });
export type ChangeRoleInput = z.input<typeof ChangeRoleInput>;

export const TransferOwnershipInput = z
  .strictObject({ userId: Id.meta({ description: 'The member who becomes an owner; you become an admin.' }) })
  .meta({ id: 'TransferOwnershipInput' });
export type TransferOwnershipInput = z.input<typeof TransferOwnershipInput>;

export const DeleteWorkspaceInput = z
  .strictObject({
    name: z
      .string()
      .max(LIMITS.workspaceNameLength + 20)
      .meta({ description: "The workspace's current name, typed by the person as confirmation." }),
  })
  .meta({ id: 'DeleteWorkspaceInput' });
export type DeleteWorkspaceInput = z.input<typeof DeleteWorkspaceInput>;
