import type { MediaDeps } from '../media/deps.js';
import { removeParts } from '../media/upload-parts.js';
import { toMediaUploadRow } from '../models/media-upload.js';
import { uploadNotFound } from './find-media-upload.js';

/**
 * Cancels an unfinished upload: its row first (no piece is accepted after that; one still arriving
 * removes its own part when it finds the row gone), then its parts.
 */
export async function cancelMediaUpload(deps: Pick<MediaDeps, 'knex' | 'storage'>, workspaceId: string, uploadId: string): Promise<void> {
  const [row] = await deps.knex('mediaUploads').where({ id: uploadId, workspaceId }).delete().returning('*');
  if (!row) throw uploadNotFound();
  await removeParts(deps.storage, toMediaUploadRow(row));
}
