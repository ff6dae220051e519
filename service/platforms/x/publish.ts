import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, PublishResult } from '../types.js';
import { xApi, xPostUrl } from './api.js';
import { readXProgress } from './checkpoint.js';
import { awaitUploadedXMedia, stillUsable, type UploadedXMedia, uploadXMedia } from './media.js';

/**
 * Publishes a post, or a thread (`text` then each of `threadParts`, each replying to the one before).
 * Resumable: uploaded media ids and the id of every part are saved in the checkpoint as soon as X gives
 * them, so a resumed attempt neither uploads twice nor posts a part twice. Each `POST /2/tweets` is
 * irreversible: a lost answer becomes unknown_outcome and the publisher reconciles before any retry.
 */
export async function publishToX(ctx: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint): Promise<PublishResult> {
  const token = account.tokens.accessToken;
  const progress = readXProgress(checkpoint);
  const texts = [content.text, ...content.threadParts];
  // Media go with the first post only; once it exists, they are no longer needed.
  const mediaIds = progress.parts.length === 0 ? await mediaFor(ctx, token, content, checkpoint, progress.media) : [];
  for (let index = progress.parts.length; index < texts.length; index++) {
    const previous = progress.parts[index - 1];
    const response = await ctx.http.request({
      method: 'POST',
      url: xApi(ctx, '/tweets'),
      bearer: token,
      irreversible: true,
      json: {
        text: texts[index],
        ...(index === 0 && mediaIds.length > 0 ? { media: { media_ids: mediaIds } } : {}),
        ...(previous ? { reply: { in_reply_to_tweet_id: previous } } : {}),
      },
    });
    progress.parts.push((response.json as { data: { id: string } }).data.id);
    await checkpoint.save({ parts: progress.parts });
  }
  const first = progress.parts[0]!;
  return { remoteId: first, url: xPostUrl(first) };
}

async function mediaFor(ctx: PlatformContext, token: string, content: PublishContent, checkpoint: Checkpoint, uploaded: Record<string, UploadedXMedia>): Promise<string[]> {
  const ids: string[] = [];
  for (const media of content.media) {
    const earlier = uploaded[media.id];
    if (stillUsable(earlier)) {
      await awaitUploadedXMedia(ctx, token, earlier.mediaId);
      ids.push(earlier.mediaId);
      continue;
    }
    ids.push(
      await uploadXMedia(ctx, token, media, async (done) => {
        uploaded[media.id] = done;
        await checkpoint.save({ media: uploaded });
      }),
    );
  }
  return ids;
}
