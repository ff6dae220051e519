import type { Knex } from 'knex';
import { MEDIA_KINDS, type MediaKind } from '#shared/media-types.js';
import type { Config } from '../config.js';
import { bilingual } from '#shared/i18n.js';
import { assertCanStore } from '../billing/limits.js';
import { HttpError } from '../errors.js';
import { formatBytes, kindOf, tooLarge } from '../media/limits.js';
import { UPLOAD_CHUNK_BYTES, UPLOAD_TTL_MS } from '../media/upload-parts.js';
import { type MediaUploadRow, toMediaUploadRow } from '../models/media-upload.js';
import { cleanFilename } from './upload-media.js';

/** Who starts an upload, where. */
export interface UploadStarter {
  workspaceId: string;
  userId: string;
}

/**
 * Opens a resumable upload. A file larger than anything the library takes (or, when the browser named
 * its type, than its kind's limit) is refused here with media_too_large, before a byte is sent; an empty
 * one with media_empty. The type itself is decided by the bytes once they have all arrived.
 */
export async function createMediaUpload(
  deps: { knex: Knex; config: Pick<Config, 'media' | 'publicUrl' | 'billing'> },
  starter: UploadStarter,
  file: { filename: string; sizeBytes: number; mimeType?: string | undefined },
): Promise<MediaUploadRow> {
  if (file.sizeBytes === 0) throw new HttpError('media_empty', { en: 'This file is empty: there is nothing to upload.', de: 'Diese Datei ist leer: Es gibt nichts hochzuladen.' });
  checkSize(deps.config.media.maxBytes, file.sizeBytes, kindOf(file.mimeType));
  await assertCanStore(deps.knex, deps.config, starter.workspaceId, file.sizeBytes);
  const [row] = await deps.knex('mediaUploads')
    .insert({
      workspaceId: starter.workspaceId,
      userId: starter.userId,
      filename: cleanFilename(file.filename),
      declaredMimeType: file.mimeType || null,
      sizeBytes: file.sizeBytes,
      chunkBytes: UPLOAD_CHUNK_BYTES,
      expiresAt: new Date(Date.now() + UPLOAD_TTL_MS),
    })
    .returning('*');
  return toMediaUploadRow(row);
}

function checkSize(maxBytes: Config['media']['maxBytes'], size: number, kind: MediaKind | undefined): void {
  if (kind) {
    if (size > maxBytes[kind]) throw tooLarge(kind, maxBytes[kind], size);
    return;
  }
  const largest = Math.max(...MEDIA_KINDS.map((one) => maxBytes[one]));
  if (size <= largest) return;
  throw new HttpError(
    'media_too_large',
    bilingual(
      {
        en: 'This file is {size}; the library takes nothing larger than {largest} (images up to {image}, videos up to {video}, documents up to {document}).',
        de: 'Diese Datei ist {size} groß; die Mediathek nimmt nichts über {largest} an (Bilder bis {image}, Videos bis {video}, Dokumente bis {document}).',
      },
      { size: formatBytes(size), largest: formatBytes(largest), image: formatBytes(maxBytes.image), video: formatBytes(maxBytes.video), document: formatBytes(maxBytes.document) },
    ),
  );
}
