import type { MediaDeps } from '../media/deps.js';
import { discard } from '../media/ingest.js';
import { readParts, removeParts } from '../media/upload-parts.js';
import type { MediaRow } from '../models/media.js';
import type { MediaUploadRow } from '../models/media-upload.js';
import { assertCanStore } from '../billing/limits.js';
import { findMedia } from './find-media.js';
import { insertMedia, storeMedia } from './upload-media.js';

/**
 * Turns a completely arrived upload into a medium: its parts, in order, go through the same pipeline as
 * a single upload (type from the bytes, the kind's limit, image thumbnail, video probe); the medium's row
 * is written and the session removed in one transaction; then the parts go. Whatever is refused (a type
 * the library does not take, a damaged image) removes the session and its parts and is thrown as for a
 * single upload, so nothing is left in storage.
 */
export async function finishMediaUpload(deps: MediaDeps, upload: MediaUploadRow): Promise<MediaRow> {
  const body = readParts(deps.storage, upload);
  let stored: Awaited<ReturnType<typeof storeMedia>>;
  try {
    stored = await storeMedia(deps, {
      workspaceId: upload.workspaceId,
      uploadedBy: upload.userId,
      body,
      declaredLength: upload.sizeBytes,
      filename: upload.filename,
    });
  } catch (error) {
    body.destroy();
    await removeUpload(deps, upload);
    throw error;
  }
  try {
    await deps.knex.transaction(async (trx) => {
      await assertCanStore(trx, deps.config, upload.workspaceId, stored.stored.sizeBytes);
      await insertMedia(trx, stored);
      await trx('mediaUploads').where({ id: upload.id }).delete();
    });
  } catch (error) {
    await discard(deps.storage, stored.stored);
    await removeUpload(deps, upload);
    throw error;
  }
  await removeParts(deps.storage, upload);
  return findMedia(deps.knex, upload.workspaceId, stored.id);
}

async function removeUpload(deps: Pick<MediaDeps, 'knex' | 'storage'>, upload: MediaUploadRow): Promise<void> {
  await deps.knex('mediaUploads').where({ id: upload.id }).delete();
  await removeParts(deps.storage, upload);
}
