import { z } from 'zod';
import { Id, PageQuery, Timestamp } from './common.js';

/**
 * What the audit log records: the security-relevant changes of a workspace. The database holds the
 * same list as a CHECK constraint, so adding one here needs a migration too.
 */
export const AUDIT_ACTIONS = [
  'member.invited',
  'invitation.revoked',
  'member.joined',
  'member.removed',
  'member.left',
  'member.role_changed',
  'ownership.transferred',
  'workspace.renamed',
  'workspace.settings_changed',
  'account.connected',
  'account.disconnected',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.output<typeof AuditAction>;

/** A person an event names; null when their account was deleted since. */
export const PersonRef = z.object({ id: Id, firstName: z.string(), lastName: z.string() }).meta({ id: 'PersonRef' });
export type PersonRef = z.output<typeof PersonRef>;

export const AuditEvent = z
  .object({
    id: Id,
    action: AuditAction,
    actor: PersonRef.nullable().meta({ description: 'Who did it; null when that account no longer exists.' }),
    target: PersonRef.nullable().meta({ description: 'The member it was done to, if any (invitations name the email in details).' }),
    details: z
      .record(z.string(), z.unknown())
      .meta({ description: 'What changed, e.g. `{ "from": "editor", "to": "admin" }` or `{ "email": "…", "role": "viewer" }`.' }),
    createdAt: Timestamp,
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.output<typeof AuditEvent>;

export const AuditEventPage = z
  .object({ items: z.array(AuditEvent), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditEventPage' });
export type AuditEventPage = z.output<typeof AuditEventPage>;

export const AuditEventsQuery = PageQuery;
