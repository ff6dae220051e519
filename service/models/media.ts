import { Model } from 'objection';
import type { MediaFetchReason } from '#shared/api/media.js';
import type { MediaKind, MediaMimeType } from '#shared/media-types.js';
import type { CaptureMediaKind } from '../media/capture-media.js';

/** A file in a workspace's media library. `storageKey`/`thumbnailKey` never leave the service. */
export class Media extends Model {
  static override tableName = 'media';

  declare id: string;
  declare workspaceId: string;
  declare uploadedBy: string | null;
  declare kind: MediaKind;
  declare mimeType: MediaMimeType;
  /** bigint: pg hands it over as a string. */
  declare sizeBytes: string | number;
  declare originalFilename: string | null;
  declare width: number | null;
  declare height: number | null;
  declare durationSeconds: number | null;
  declare storageKey: string;
  declare thumbnailKey: string | null;
  declare sourceUrl: string | null;
  declare createdAt: Date;
}

/** A medium read with its uploader's name (for `uploadedBy`). */
export type MediaRow = Pick<
  Media,
  | 'id' | 'workspaceId' | 'uploadedBy' | 'kind' | 'mimeType' | 'sizeBytes' | 'originalFilename' | 'width' | 'height'
  | 'durationSeconds' | 'storageKey' | 'thumbnailKey' | 'sourceUrl' | 'createdAt'
> & { uploaderFirstName: string | null; uploaderLastName: string | null };

/** The state of fetching one image or video capture's file (table capture_media_fetches). */
export interface CaptureMediaFetch {
  postId: string;
  workspaceId: string;
  requestedBy: string | null;
  mediaUrl: string;
  mediaKind: CaptureMediaKind;
  state: 'pending' | 'done' | 'needs_browser' | 'failed';
  reason: MediaFetchReason | null;
  message: string | null;
  attempts: number;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  mediaId: string | null;
}
