import { Model } from 'objection';
import type { AuditAction } from '#shared/api/audit.js';

/** One entry of a workspace's audit log (insert-only). */
export class AuditEvent extends Model {
  static override tableName = 'audit_events';

  declare id: string;
  declare workspaceId: string;
  declare actorId: string | null;
  declare action: AuditAction;
  declare targetUserId: string | null;
  declare details: Record<string, unknown>;
  declare createdAt: Date;
}
