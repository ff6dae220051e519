import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { type MediaUploadRow, toMediaUploadRow } from '../models/media-upload.js';

/** 404 for an unknown, finished, cancelled or expired upload, and for one of another workspace (P14). */
export function uploadNotFound(): HttpError {
  return new HttpError('not_found', {
    en: 'There is no such upload in this workspace: it finished, was cancelled or expired. Choose the file again.',
    de: 'Diesen Upload gibt es in diesem Arbeitsbereich nicht: Er ist abgeschlossen, wurde abgebrochen oder ist abgelaufen. Wählen Sie die Datei erneut.',
  });
}

/** An unfinished, unexpired upload of the workspace. */
export async function findMediaUpload(knex: Knex, workspaceId: string, uploadId: string): Promise<MediaUploadRow> {
  const row = await knex('mediaUploads').where({ id: uploadId, workspaceId }).where('expiresAt', '>', knex.fn.now()).first();
  if (!row) throw uploadNotFound();
  return toMediaUploadRow(row);
}
