import type { Endpoint } from '../endpoint.js';
import { Me } from '../auth.js';
import { WorkspaceParams } from '../common.js';
import { ListMediaQuery, Media, MediaPage, MediaParams } from '../media.js';
import { Post, PostParams } from '../posts.js';

/**
 * The media library, the image or video of a capture supplied by the browser, and the avatar. Uploads
 * send the file's raw bytes as the body (`upload: 'binary'`); type and size are read from the bytes.
 */
export const mediaEndpoints = {
  uploadMedia: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/media', tag: 'media', auth: 'member', role: 'editor', upload: 'binary',
    summary:
      "Upload an image (JPEG, PNG, GIF, WebP), a video (MP4, MOV, WebM) or a PDF to the workspace's library. Send the file's bytes as the body and its name in X-Filename; the type is read from the bytes.",
    params: WorkspaceParams, response: Media, status: 201,
  },
  listMedia: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/media', tag: 'media', auth: 'member', role: 'viewer',
    summary: "The workspace's media, newest first, optionally of one kind; paginated with `cursor`.",
    params: WorkspaceParams, query: ListMediaQuery, response: MediaPage,
  },
  getMedia: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/media/:mediaId', tag: 'media', auth: 'member', role: 'viewer',
    summary: 'One medium, with fresh signed addresses.', params: MediaParams, response: Media,
  },
  deleteMedia: {
    method: 'DELETE', path: '/api/v1/workspaces/:workspaceId/media/:mediaId', tag: 'media', auth: 'member', role: 'editor',
    summary: 'Delete a medium and its file; drafts using it lose it. Refused (media_in_use) while a scheduled post uses it.',
    params: MediaParams,
  },
  supplyCaptureMedia: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/posts/:postId/capture-media', tag: 'media', auth: 'member', role: 'editor', upload: 'binary',
    summary:
      "The image of an image capture or the video of a video capture, read by the browser when the service could not fetch it (it needs the person's cookies or lives on a private network): stored in the library (within that kind's types and size limit) and put first in the draft.",
    params: PostParams, response: Post, status: 201,
  },
  setAvatar: {
    method: 'PUT', path: '/api/v1/me/avatar', tag: 'me', auth: 'session', upload: 'binary',
    summary: 'Upload your avatar (JPEG, PNG, GIF or WebP); members of your workspaces see a square version of it.',
    response: Me,
  },
  deleteAvatar: {
    method: 'DELETE', path: '/api/v1/me/avatar', tag: 'me', auth: 'session',
    summary: 'Remove your avatar.', response: Me,
  },
} as const satisfies Record<string, Endpoint>;
