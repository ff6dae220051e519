import type { Knex } from 'knex';
import type { DataExport } from '#shared/api/rights.js';
import { HttpError } from '../../errors.js';
import type { BlobStorage } from '../../storage/index.js';

/** An export's archive can be downloaded this long after it was built (P27). */
export const EXPORT_VALID_DAYS = 7;

export interface ExportRow {
  id: string;
  userId: string;
  status: DataExport['status'];
  itemsDone: number;
  itemsTotal: number | null;
  storageKey: string | null;
  sizeBytes: string | null;
  failureMessage: string | null;
  requestedAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
}

/** Asks for a new export; one runs at a time per person (asking again while one runs returns that one). */
export async function requestExport(knex: Knex, userId: string): Promise<ExportRow> {
  const running = await knex('dataExports').where({ userId }).whereIn('status', ['queued', 'building']).first();
  if (running) return running as ExportRow;
  const [row] = await knex('dataExports').insert({ userId }).onConflict(knex.raw("(user_id) where status in ('queued', 'building')")).ignore().returning('*');
  return (row ?? (await knex('dataExports').where({ userId }).whereIn('status', ['queued', 'building']).first())) as ExportRow;
}

/** The person's exports, newest first. */
export async function listExports(knex: Knex, userId: string): Promise<ExportRow[]> {
  return knex('dataExports').where({ userId }).orderBy('requestedAt', 'desc').limit(20);
}

export async function findExport(knex: Knex, userId: string, exportId: string): Promise<ExportRow> {
  const row = await knex('dataExports').where({ id: exportId, userId }).first();
  if (!row) throw new HttpError('not_found', { en: 'There is no such export.', de: 'Diesen Export gibt es nicht.' });
  return row as ExportRow;
}

/** An export as the API shows it: with a download address while it is ready (valid until the export expires). */
export async function presentExport(storage: BlobStorage, row: ExportRow): Promise<DataExport> {
  const ready = row.status === 'ready' && row.expiresAt !== null && row.expiresAt > new Date() && row.storageKey !== null;
  return {
    id: row.id,
    status: row.status === 'ready' && !ready ? 'expired' : row.status,
    progress: { done: row.itemsDone, total: row.itemsTotal },
    sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
    failureMessage: row.failureMessage,
    requestedAt: row.requestedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    downloadUrl: ready
      ? await storage.signedUrl(row.storageKey!, { expiresAt: row.expiresAt!, contentType: 'application/zip', filename: `minopa-export-${row.finishedAt!.toISOString().slice(0, 10)}.zip`, disposition: 'attachment' })
      : null,
  };
}
