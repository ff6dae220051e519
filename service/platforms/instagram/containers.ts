import { PlatformError } from '../lib/errors.js';
import { createContainer } from '../meta/containers.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, PublishMedia } from '../types.js';

/** The kinds of Instagram post (shared/publishing's `format` option). */
export type InstagramFormat = 'feed' | 'reel' | 'story' | 'carousel';

/** What an Instagram publish remembers between attempts (post_targets.progress). */
export interface InstagramProgress {
  /** One container per medium, in order (carousel children, or the single post's container). */
  items?: string[];
  /** Containers whose video bytes were uploaded. */
  uploaded?: string[];
  /** The container to publish: the single item, or the carousel parent. */
  containerId?: string;
  /** The published media: once set, nothing is published again. */
  mediaId?: string;
  firstCommentSent?: boolean;
}

/** The format asked for, or the natural one: several media → carousel, a video → reel, a photo → feed. */
export function instagramFormat(content: PublishContent): InstagramFormat {
  const asked = content.options.format;
  if (asked === 'feed' || asked === 'reel' || asked === 'story' || asked === 'carousel') return asked;
  if (content.media.length > 1) return 'carousel';
  return content.media[0]?.kind === 'video' ? 'reel' : 'feed';
}

/**
 * Creates the containers of every medium not created yet, uploading video bytes to the resumable upload
 * host (rupload). Each id is saved as soon as it exists, so a resumed attempt neither creates nor uploads
 * twice. Images go by public URL (Instagram fetches them; JPEG only).
 */
export async function prepareItems(context: PlatformContext, account: AccountHandle, content: PublishContent, format: InstagramFormat, checkpoint: Checkpoint): Promise<string[]> {
  if (!content.media.length) throw new PlatformError('invalid_content', 'Instagram posts need a photo or a video. Add one to this post.');
  if (content.media.some((item) => item.kind === 'document')) throw new PlatformError('invalid_content', 'Instagram cannot publish documents. Remove the document from this post.');
  if (format !== 'carousel' && content.media.length > 1) throw new PlatformError('invalid_content', `An Instagram ${format} takes one photo or video; choose “carousel” for several.`);
  const progress = () => checkpoint.state as InstagramProgress;
  const items = [...(progress().items ?? [])];
  for (const medium of content.media.slice(items.length)) {
    const { id } = await createContainer(context, 'Instagram', `${context.settings.apiUrl}/${account.remoteId}/media`, itemForm(medium, format, content), account.tokens.accessToken);
    items.push(id);
    await checkpoint.save({ items });
  }
  for (const [index, medium] of content.media.entries()) {
    const id = items[index]!;
    if (medium.kind !== 'video' || (progress().uploaded ?? []).includes(id)) continue;
    await uploadVideo(context, account, id, medium);
    await checkpoint.save({ uploaded: [...(progress().uploaded ?? []), id] });
  }
  return items;
}

/** The carousel parent, once every child is FINISHED. */
export async function createCarousel(context: PlatformContext, account: AccountHandle, content: PublishContent, children: string[]): Promise<string> {
  const form = { media_type: 'CAROUSEL', children: children.join(','), caption: content.text };
  return (await createContainer(context, 'Instagram', `${context.settings.apiUrl}/${account.remoteId}/media`, form, account.tokens.accessToken)).id;
}

function itemForm(medium: PublishMedia, format: InstagramFormat, content: PublishContent): Record<string, string | undefined> {
  const video = medium.kind === 'video';
  const source = video ? { upload_type: 'resumable' } : { image_url: medium.publicUrl };
  switch (format) {
    case 'carousel':
      return { is_carousel_item: 'true', ...(video ? { media_type: 'VIDEO' } : {}), ...source };
    case 'story':
      // Stories carry no caption.
      return { media_type: 'STORIES', ...source };
    default:
      // Since 2023 a single feed video is published as a Reel.
      return video ? { media_type: 'REELS', share_to_feed: 'true', caption: content.text, ...source } : { caption: content.text, ...source };
  }
}

/** Sends a video's bytes to rupload in one request from offset 0 (a retry simply starts over). */
async function uploadVideo(context: PlatformContext, account: AccountHandle, containerId: string, medium: PublishMedia): Promise<void> {
  await context.http.request({
    method: 'POST',
    url: `${context.settings.uploadUrl}/${containerId}`,
    headers: { authorization: `OAuth ${account.tokens.accessToken}`, offset: '0', file_size: String(medium.sizeBytes), 'content-type': 'application/octet-stream' },
    body: await medium.open(),
    timeoutMs: 10 * 60_000,
  });
}
