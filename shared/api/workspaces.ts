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
  .object({ userId: Id, firstName: z.string(), lastName: z.string(), role: RoleSchema, joinedAt: Timestamp })
  .meta({ id: 'Member' });
export type Member = z.output<typeof Member>;

export const MemberList = z.object({ items: z.array(Member) });
