import { PlatformError } from '../lib/errors.js';
import type { AccountHandle, Checkpoint, PlatformContext, PlatformSettings, PublishContent, PublishResult } from '../types.js';
import { uploadPinVideo } from './video.js';

/** Pinterest takes 2 to 5 images in one Pin (spec PinMediaSourceImagesURL). */
const MAX_IMAGES = 5;

/** The board the target chose (its `boardId` option): a Pin always goes to a board. */
export function boardOf(content: PublishContent): string {
  const boardId = content.options.boardId;
  if (typeof boardId !== 'string' || !/^\d+$/.test(boardId)) {
    throw new PlatformError('invalid_content', 'Choose the Pinterest board this Pin goes to.');
  }
  return boardId;
}

/** The address people open a Pin at (none in sandbox mode: the Pin exists only in the simulator). */
export function pinResult(settings: PlatformSettings, pinId: string): PublishResult {
  return { remoteId: pinId, url: settings.sandbox ? null : `https://www.pinterest.com/pin/${pinId}/` };
}

/**
 * Publishes a Pin: an image (by its public URL, which Pinterest fetches), 2–5 images, or a video
 * (uploaded, processed, then pinned with a cover). The Pin creation is the one irreversible request;
 * its id is checkpointed so a resumed attempt returns it instead of pinning twice. Pinterest takes no
 * idempotency key: an unknown outcome is settled by reconcile (the board's recent Pins).
 */
export async function publishPin(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint): Promise<PublishResult> {
  const boardId = boardOf(content);
  if (typeof checkpoint.state.pinId === 'string') return pinResult(context.settings, checkpoint.state.pinId);
  const mediaSource = await mediaSourceOf(context, account, content, checkpoint);
  const link = typeof content.options.link === 'string' ? content.options.link : undefined;
  const response = await context.http.request({
    method: 'POST',
    url: `${context.settings.apiUrl}/pins`,
    bearer: account.tokens.accessToken,
    json: { board_id: boardId, title: content.title ?? undefined, description: content.text, link, media_source: mediaSource },
    irreversible: true,
  });
  const pinId = (response.json as { id: string }).id;
  await checkpoint.save({ pinId });
  return pinResult(context.settings, pinId);
}

async function mediaSourceOf(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint): Promise<Record<string, unknown>> {
  const video = content.media.find((media) => media.kind === 'video');
  const images = content.media.filter((media) => media.kind === 'image');
  if (video) {
    const mediaId = await uploadPinVideo(context, account, video, checkpoint);
    // A cover is required: the post's image when it has one, else the video's first frame.
    const cover = images[0] ? { cover_image_url: images[0].publicUrl } : { cover_image_key_frame_time: 0 };
    return { source_type: 'video_id', media_id: mediaId, ...cover };
  }
  if (images.length === 1) return { source_type: 'image_url', url: images[0]!.publicUrl };
  if (images.length > 1 && images.length <= MAX_IMAGES) return { source_type: 'multiple_image_urls', items: images.map((image) => ({ url: image.publicUrl })) };
  if (images.length > MAX_IMAGES) throw new PlatformError('invalid_content', `A Pin holds at most ${MAX_IMAGES} images; this post has ${images.length}. Remove some and try again.`);
  throw new PlatformError('invalid_content', 'A Pin needs an image or a video. Add one and try again.');
}
