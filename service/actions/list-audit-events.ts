import type { Knex } from 'knex';
import type { AuditAction } from '#shared/api/audit.js';
import { HttpError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../lib/cursor.js';

/** A person named by an event, or null when their account is gone. */
export interface PersonRow {
  id: string;
  firstName: string;
  lastName: string;
}

/** An audit event with the people it names resolved. */
export interface AuditEventRow {
  id: string;
  action: AuditAction;
  actor: PersonRow | null;
  target: PersonRow | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

/** A page of events and the cursor of the next one (null on the last page). */
export interface AuditEventsPage {
  items: AuditEventRow[];
  nextCursor: string | null;
}

interface Row {
  id: string;
  action: AuditAction;
  details: Record<string, unknown>;
  createdAt: Date;
  actorId: string | null;
  actorFirstName: string | null;
  actorLastName: string | null;
  targetId: string | null;
  targetFirstName: string | null;
  targetLastName: string | null;
}

/**
 * The workspace's audit log, newest first. Keyset pagination on (created_at, id) follows the index, so
 * events recorded while someone pages through never make a page repeat or skip one.
 */
export async function listAuditEvents(
  knex: Knex,
  workspaceId: string,
  options: { limit: number; cursor?: string | undefined },
): Promise<AuditEventsPage> {
  const query = knex('auditEvents as e')
    .leftJoin('users as a', 'a.id', 'e.actorId')
    .leftJoin('users as t', 't.id', 'e.targetUserId')
    .where('e.workspaceId', workspaceId)
    .select(
      'e.id', 'e.action', 'e.details', 'e.createdAt',
      'a.id as actorId', 'a.firstName as actorFirstName', 'a.lastName as actorLastName',
      't.id as targetId', 't.firstName as targetFirstName', 't.lastName as targetLastName',
    );
  if (options.cursor !== undefined) {
    const after = decodeCursor(options.cursor);
    if (!after) {
      throw new HttpError('validation_failed', { en: 'The cursor is not one this list gave out; start again from the first page.', de: 'Dieser Cursor stammt nicht aus dieser Liste; beginnen Sie wieder bei der ersten Seite.' }, [
        { path: 'cursor', message: { en: 'is not a cursor from a previous page', de: 'ist kein Cursor einer vorigen Seite' } },
      ]);
    }
    query.whereRaw('(e.created_at, e.id) < (?::timestamptz, ?::uuid)', [after.createdAt, after.id]);
  }
  const rows = (await query
    .orderBy([{ column: 'e.createdAt', order: 'desc' }, { column: 'e.id', order: 'desc' }])
    .limit(options.limit + 1)) as Row[];
  const items = rows.slice(0, options.limit).map(toEvent);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > options.limit && last ? encodeCursor(last) : null };
}

function toEvent(row: Row): AuditEventRow {
  const person = (id: string | null, firstName: string | null, lastName: string | null) =>
    id && firstName !== null && lastName !== null ? { id, firstName, lastName } : null;
  return {
    id: row.id,
    action: row.action,
    actor: person(row.actorId, row.actorFirstName, row.actorLastName),
    target: person(row.targetId, row.targetFirstName, row.targetLastName),
    details: row.details,
    createdAt: row.createdAt,
  };
}
