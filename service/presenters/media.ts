import type { Media, PostMedia } from '#shared/api/media.js';
import type { SignedFile } from '../media/urls.js';
import type { MediaRow } from '../models/media.js';

/** A medium as the library shows it: signed addresses instead of storage keys, which never leave the service. */
export function presentMedia(row: MediaRow, signed: SignedFile): Media {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    kind: row.kind,
    mimeType: row.mimeType,
    sizeBytes: Number(row.sizeBytes),
    originalFilename: row.originalFilename,
    width: row.width,
    height: row.height,
    durationSeconds: row.durationSeconds,
    url: signed.url,
    thumbnailUrl: signed.thumbnailUrl,
    urlExpiresAt: signed.expiresAt.toISOString(),
    sourceUrl: row.sourceUrl,
    uploadedBy:
      row.uploadedBy && row.uploaderFirstName !== null && row.uploaderLastName !== null
        ? { id: row.uploadedBy, firstName: row.uploaderFirstName, lastName: row.uploaderLastName }
        : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A medium as part of a post, in the post's order. */
export function presentPostMedia(row: Pick<MediaRow, 'id' | 'kind' | 'mimeType' | 'width' | 'height' | 'durationSeconds'>, signed: SignedFile): PostMedia {
  return {
    id: row.id,
    kind: row.kind,
    mimeType: row.mimeType,
    url: signed.url,
    thumbnailUrl: signed.thumbnailUrl,
    width: row.width,
    height: row.height,
    durationSeconds: row.durationSeconds,
  };
}
