import type { Knex } from 'knex';
import type { AuditAction } from '#shared/api/audit.js';

/** One entry for a workspace's audit log. */
export interface AuditEntry {
  workspaceId: string;
  /** Who did it (null only for changes no person made). */
  actorId: string | null;
  action: AuditAction;
  /** The member it was done to, if any. */
  targetUserId?: string | null;
  /** What changed; plain JSON values only. */
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit log. Pass the transaction of the change it records, so the log holds exactly
 * the changes that were committed — no entry for a rolled-back change, no change without its entry.
 */
export async function recordAuditEvent(trx: Knex.Transaction, entry: AuditEntry): Promise<void> {
  await trx('auditEvents').insert({
    workspaceId: entry.workspaceId,
    actorId: entry.actorId,
    action: entry.action,
    targetUserId: entry.targetUserId ?? null,
    // Stringified so knex sends jsonb whatever the details hold (arrays would become Postgres arrays).
    details: JSON.stringify(entry.details ?? {}),
  });
}
