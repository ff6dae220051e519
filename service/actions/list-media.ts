import type { Knex } from 'knex';
import type { MediaKind } from '#shared/media-types.js';
import { HttpError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../lib/cursor.js';
import type { MediaRow } from '../models/media.js';
import { selectMediaWithUploader } from './find-media.js';

/** A page of media and the cursor of the next one (null on the last page). */
export interface MediaListPage {
  items: MediaRow[];
  nextCursor: string | null;
}

/** The workspace's media, newest first, optionally of one kind; keyset pagination on (created_at, id). */
export async function listMedia(
  knex: Knex,
  workspaceId: string,
  options: { kind?: MediaKind | undefined; limit: number; cursor?: string | undefined },
): Promise<MediaListPage> {
  const query = selectMediaWithUploader(knex).where('m.workspaceId', workspaceId);
  if (options.kind) query.where('m.kind', options.kind);
  if (options.cursor !== undefined) {
    const after = decodeCursor(options.cursor);
    if (!after) {
      throw new HttpError('validation_failed', { en: 'The cursor is not one this list gave out; start again from the first page.', de: 'Dieser Cursor stammt nicht aus dieser Liste; beginnen Sie wieder bei der ersten Seite.' }, [
        { path: 'cursor', message: { en: 'is not a cursor from a previous page', de: 'ist kein Cursor einer vorigen Seite' } },
      ]);
    }
    query.whereRaw('(m.created_at, m.id) < (?::timestamptz, ?::uuid)', [after.createdAt, after.id]);
  }
  const rows = (await query
    .orderBy([{ column: 'm.createdAt', order: 'desc' }, { column: 'm.id', order: 'desc' }])
    .limit(options.limit + 1)) as MediaRow[];
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > options.limit && last ? encodeCursor(last) : null };
}
