import type { Endpoint } from '../endpoint.js';
import { WorkspaceParams } from '../common.js';
import { CreateMediaUploadBody, MediaUpload, MediaUploadChunkQuery, MediaUploadParams, MediaUploadProgress } from '../media-uploads.js';

/**
 * Resumable uploads into the media library (large videos, real progress): create a session, send the
 * file in pieces at the offset the service reached (`?offset=`), ask where it stands after a dropped
 * connection, or cancel. Same role as a single upload.
 */
export const mediaUploadEndpoints = {
  createMediaUpload: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/media/uploads', tag: 'media', auth: 'member', role: 'editor',
    summary: 'Start a resumable upload into the library: the file’s name and size (refused at once over the limit). Answers where to send the pieces and how long each is.',
    params: WorkspaceParams, body: CreateMediaUploadBody, response: MediaUpload, status: 201,
  },
  sendMediaUploadChunk: {
    method: 'PUT', path: '/api/v1/workspaces/:workspaceId/media/uploads/:uploadId', tag: 'media', auth: 'member', role: 'editor', upload: 'binary',
    summary:
      'One piece of the file as the raw body, starting at `?offset=` (which must be the session’s receivedBytes, else 409 upload_offset_mismatch with `expectedOffset` and an Upload-Offset header). Every piece but the last is exactly chunkBytes long. The piece that completes the file answers 201 with the new medium (type and limits checked from the bytes, as for a single upload); the others 200.',
    params: MediaUploadParams, query: MediaUploadChunkQuery, response: MediaUploadProgress,
  },
  getMediaUpload: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/media/uploads/:uploadId', tag: 'media', auth: 'member', role: 'editor',
    summary: 'Where an unfinished upload stands (receivedBytes: where to resume).', params: MediaUploadParams, response: MediaUpload,
  },
  cancelMediaUpload: {
    method: 'DELETE', path: '/api/v1/workspaces/:workspaceId/media/uploads/:uploadId', tag: 'media', auth: 'member', role: 'editor',
    summary: 'Cancel an unfinished upload and remove what arrived of it.', params: MediaUploadParams,
  },
} as const satisfies Record<string, Endpoint>;
