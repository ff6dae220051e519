import type { AuditEvent } from '#shared/api/audit.js';
import type { AuditEventRow } from '../actions/list-audit-events.js';

/** One audit log entry: the people it names by name only (P14), what changed in `details`. */
export function presentAuditEvent(event: AuditEventRow): AuditEvent {
  return {
    id: event.id,
    action: event.action,
    actor: event.actor,
    target: event.target,
    details: event.details,
    createdAt: event.createdAt.toISOString(),
  };
}
