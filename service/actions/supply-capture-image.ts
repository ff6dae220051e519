import { HttpError } from '../errors.js';
import { recordCaptureImage } from '../media/capture-image.js';
import type { MediaDeps } from '../media/deps.js';
import type { UploadBody } from '../middleware/upload-body.js';
import type { PostWithAuthor } from '../models/post.js';
import { storeMedia } from './upload-media.js';
import { findPost } from './find-post.js';

const OPEN_STATES = ['pending', 'needs_browser', 'failed'] as const;

/**
 * The browser's answer to 'needs_browser': the bytes of an image capture's image, read in the page with
 * the person's cookies. Goes through the same pipeline as any upload (images only), is recorded with the
 * capture's image address as its source, and is put first in the draft. Refused with 409
 * capture_image_not_needed when the draft is not an image capture or its image is already in the library.
 */
export async function supplyCaptureImage(
  deps: MediaDeps,
  who: { workspaceId: string; userId: string },
  postId: string,
  upload: UploadBody,
): Promise<PostWithAuthor> {
  await findPost(deps.knex, who.workspaceId, postId);
  const fetch = await deps.knex('captureImageFetches').where({ postId, workspaceId: who.workspaceId }).first('state', 'imageUrl');
  if (!fetch || !(OPEN_STATES as readonly string[]).includes(fetch.state)) throw new HttpError('capture_image_not_needed');
  const media = await storeMedia(deps, {
    workspaceId: who.workspaceId,
    uploadedBy: who.userId,
    body: upload.stream,
    declaredLength: upload.declaredLength,
    filename: upload.filename,
    sourceUrl: fetch.imageUrl as string,
    kinds: ['image'],
  });
  if (!(await recordCaptureImage(deps, postId, media, OPEN_STATES))) {
    throw new HttpError('capture_image_not_needed', 'The image of this draft has just been added to the library.');
  }
  return findPost(deps.knex, who.workspaceId, postId);
}
