import type { MediaUpload } from '#shared/api/media-uploads.js';
import type { MediaUploadRow } from '../models/media-upload.js';

/** Where a resumable upload stands, as its client needs it to continue. */
export function presentMediaUpload(row: MediaUploadRow): MediaUpload {
  return {
    uploadId: row.id,
    filename: row.filename ?? '',
    sizeBytes: row.sizeBytes,
    chunkBytes: row.chunkBytes,
    receivedBytes: row.receivedBytes,
    expiresAt: row.expiresAt.toISOString(),
  };
}
