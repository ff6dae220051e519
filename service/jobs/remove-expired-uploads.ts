import { removeParts } from '../media/upload-parts.js';
import { toMediaUploadRow } from '../models/media-upload.js';
import type { JobDeps } from './types.js';

/** Sessions handled per query: bounded work per round however many expired at once. */
const BATCH = 100;

/**
 * Removes resumable uploads nobody finished (their expiry passed: no piece for a day) and their parts.
 * Parts go first, then the row, so a crash in between leaves the row for the next run rather than parts
 * nobody knows of. Safe on any number of instances at once: an expired upload takes no more pieces (the
 * accept requires an unexpired row), removing a part twice is harmless, and only the row's removal is
 * counted. Returns how many sessions this run removed.
 */
export async function removeExpiredUploads(deps: Pick<JobDeps, 'knex' | 'storage' | 'logger' | 'signal'>): Promise<number> {
  let removed = 0;
  for (;;) {
    if (deps.signal?.aborted) break;
    const rows = (await deps.knex('mediaUploads').where('expiresAt', '<=', deps.knex.fn.now()).orderBy('expiresAt').limit(BATCH)).map(toMediaUploadRow);
    for (const row of rows) {
      await removeParts(deps.storage, row);
      removed += await deps.knex('mediaUploads').where({ id: row.id }).where('expiresAt', '<=', deps.knex.fn.now()).delete();
    }
    if (rows.length < BATCH) break;
  }
  if (removed > 0) deps.logger.info('removed expired uploads', { count: removed });
  return removed;
}
