import type { Readable } from 'node:stream';
import { bilingual } from '#shared/i18n.js';
import { HttpError } from '../errors.js';
import type { MediaDeps } from '../media/deps.js';
import { partKeyAt, pieceLength, storePart, UPLOAD_TTL_MS } from '../media/upload-parts.js';
import type { MediaRow } from '../models/media.js';
import { type MediaUploadRow, toMediaUploadRow } from '../models/media-upload.js';
import { findMediaUpload, uploadNotFound } from './find-media-upload.js';
import { finishMediaUpload } from './finish-media-upload.js';

/** One piece of a resumable upload, as it arrives. */
export interface UploadPiece {
  workspaceId: string;
  uploadId: string;
  offset: number;
  body: Readable;
  /** Content-Length, when sent: a wrong one is refused before a byte is read. */
  declaredLength: number | undefined;
}

/** 409 upload_offset_mismatch, saying (and carrying) where the upload continues. */
export function offsetMismatch(expected: number, sent: number): HttpError {
  const error = new HttpError(
    'upload_offset_mismatch',
    bilingual(
      {
        en: 'This piece starts at byte {sent}, but the upload continues at byte {expected}. Send the piece starting at byte {expected}.',
        de: 'Dieses Stück beginnt bei Byte {sent}, der Upload geht aber bei Byte {expected} weiter. Senden Sie das Stück ab Byte {expected}.',
      },
      { sent: String(sent), expected: String(expected) },
    ),
  ).withHeader('Upload-Offset', String(expected));
  error.expectedOffset = expected;
  return error;
}

/**
 * Accepts the piece that starts where the upload stands: it is stored as a part object (no transaction
 * open meanwhile), then accepted by moving received_bytes on — only from the offset it started at, so
 * of two copies of one piece (a retry racing the original, on two instances) exactly one is accepted and
 * the other gets 409 with where to continue. A piece sent again after it was accepted also gets 409 and
 * changes nothing. Each piece moves the expiry on. The piece that completes the file hands over to
 * `finishMediaUpload`: the answer then carries the new medium.
 */
export async function sendMediaUploadChunk(
  deps: MediaDeps,
  piece: UploadPiece,
): Promise<{ upload: MediaUploadRow; media: MediaRow | null }> {
  const upload = await findMediaUpload(deps.knex, piece.workspaceId, piece.uploadId);
  if (piece.offset !== upload.receivedBytes) throw offsetMismatch(upload.receivedBytes, piece.offset);
  const length = pieceLength(upload, piece.offset);
  if (piece.declaredLength !== undefined && piece.declaredLength !== length) {
    throw new HttpError(
      'upload_chunk_invalid',
      bilingual(
        {
          en: 'This piece must be exactly {length} bytes long; it announced {declared}. Every piece but the last is {chunk} bytes, the last is what remains.',
          de: 'Dieses Stück muss genau {length} Byte lang sein; angekündigt waren {declared}. Jedes Stück außer dem letzten ist {chunk} Byte lang, das letzte ist der Rest.',
        },
        { length: String(length), declared: String(piece.declaredLength), chunk: String(upload.chunkBytes) },
      ),
    );
  }
  const key = partKeyAt(upload, piece.offset);
  await storePart(deps.storage, key, piece.body, length);

  const [moved] = await deps.knex('mediaUploads')
    .where({ id: upload.id, receivedBytes: piece.offset })
    .where('expiresAt', '>', deps.knex.fn.now())
    .update({ receivedBytes: piece.offset + length, expiresAt: new Date(Date.now() + UPLOAD_TTL_MS) })
    .returning('*');
  if (!moved) {
    const now = await deps.knex('mediaUploads').where({ id: upload.id }).where('expiresAt', '>', deps.knex.fn.now()).first('receivedBytes');
    // Cancelled or expired meanwhile: nobody will read this part, and nobody else will remove it.
    if (!now) {
      await deps.storage.delete(key).catch(() => undefined);
      throw uploadNotFound();
    }
    // Another copy of this piece was accepted first; its bytes are the ones kept.
    throw offsetMismatch(Number(now.receivedBytes), piece.offset);
  }
  const accepted = toMediaUploadRow(moved);
  if (accepted.receivedBytes < accepted.sizeBytes) return { upload: accepted, media: null };
  return { upload: accepted, media: await finishMediaUpload(deps, accepted) };
}
