import { z } from 'zod';
import { Email } from './auth.js';
import { PersonRef } from './audit.js';
import { Id, Timestamp } from './common.js';
import { RoleSchema, Workspace } from './workspaces.js';
import { zodMessage } from '../i18n.js';

/** How long an invitation link works. */
export const INVITATION_LIFETIME_DAYS = 7;

export const InviteInput = z
  .strictObject({
    email: Email,
    role: RoleSchema.meta({ description: 'The role the person gets on accepting. Only an owner may invite an owner.' }),
  })
  .meta({ id: 'InviteInput' });
export type InviteInput = z.input<typeof InviteInput>;

/** A pending invitation as admins see it (the address they invited: P3). */
export const Invitation = z
  .object({
    id: Id,
    email: z.string(),
    role: RoleSchema,
    invitedBy: PersonRef.nullable(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.output<typeof Invitation>;

export const InvitationList = z.object({ items: z.array(Invitation) });
export type InvitationList = z.output<typeof InvitationList>;

export const InvitationParams = z.strictObject({ workspaceId: Id, invitationId: Id });

const Token = z.string().min(1, { message: zodMessage({ en: 'must not be empty', de: 'darf nicht leer sein' }) }).max(200).meta({ description: 'The token from the invitation link.' });

export const InvitationTokenQuery = z.strictObject({ token: Token });

export const AcceptInvitationInput = z.strictObject({ token: Token }).meta({ id: 'AcceptInvitationInput' });
export type AcceptInvitationInput = z.input<typeof AcceptInvitationInput>;

/** What the holder of an invitation link may see before accepting. */
export const InvitationPreview = z
  .object({
    workspaceName: z.string(),
    inviterName: z.string().nullable().meta({ description: 'Null when the inviting account no longer exists.' }),
    role: RoleSchema,
    email: z.string().meta({ description: 'The invited address; only an account with this email can accept.' }),
    expiresAt: Timestamp,
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.output<typeof InvitationPreview>;

export const AcceptInvitationResult = z.object({ workspace: Workspace }).meta({ id: 'AcceptInvitationResult' });
export type AcceptInvitationResult = z.output<typeof AcceptInvitationResult>;
