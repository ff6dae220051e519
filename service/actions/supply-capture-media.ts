import { HttpError } from '../errors.js';
import { recordCaptureMedia } from '../media/capture-media.js';
import type { MediaDeps } from '../media/deps.js';
import type { UploadBody } from '../middleware/upload-body.js';
import type { PostWithAuthor } from '../models/post.js';
import { storeMedia } from './upload-media.js';
import { findPost } from './find-post.js';

const OPEN_STATES = ['pending', 'needs_browser', 'failed'] as const;

/**
 * The browser's answer to 'needs_browser': the bytes of an image capture's image or a video capture's
 * video, read in the page with the person's cookies. Goes through the same pipeline as any upload (only
 * the capture's kind, with that kind's size limit; a video's duration is probed), is recorded with the
 * captured address as its source, and is put first in the draft. Refused with 409 capture_media_not_needed
 * when the draft is not an image or video capture or its file is already in the library.
 */
export async function supplyCaptureMedia(
  deps: MediaDeps,
  who: { workspaceId: string; userId: string },
  postId: string,
  upload: UploadBody,
): Promise<PostWithAuthor> {
  await findPost(deps.knex, who.workspaceId, postId);
  const fetch = await deps.knex('captureMediaFetches').where({ postId, workspaceId: who.workspaceId }).first('state', 'mediaUrl', 'mediaKind');
  if (!fetch || !(OPEN_STATES as readonly string[]).includes(fetch.state)) throw new HttpError('capture_media_not_needed');
  const media = await storeMedia(deps, {
    workspaceId: who.workspaceId,
    uploadedBy: who.userId,
    body: upload.stream,
    declaredLength: upload.declaredLength,
    filename: upload.filename,
    sourceUrl: fetch.mediaUrl as string,
    kinds: [fetch.mediaKind],
  });
  if (!(await recordCaptureMedia(deps, postId, media, OPEN_STATES))) {
    throw new HttpError(
      'capture_media_not_needed',
      fetch.mediaKind === 'video'
        ? { en: 'The video of this draft has just been added to the library.', de: 'Das Video dieses Entwurfs wurde gerade in die Mediathek aufgenommen.' }
        : { en: 'The image of this draft has just been added to the library.', de: 'Das Bild dieses Entwurfs wurde gerade in die Mediathek aufgenommen.' },
    );
  }
  return findPost(deps.knex, who.workspaceId, postId);
}
