import { atMostOnce } from '../meta/at-most-once.js';
import { publishContainer, waitForContainer } from '../meta/containers.js';
import { readFieldQuietly } from '../meta/graph.js';
import type { PollTiming } from '../meta/poll.js';
import { findRecentPost } from '../meta/recent-posts.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, PublishResult } from '../types.js';
import { createCarousel, instagramFormat, prepareItems, type InstagramProgress } from './containers.js';
import { INSTAGRAM_CONTAINERS } from './dialect.js';

/**
 * Container → status poll → publish (reference §3). Every container id is in the checkpoint before the
 * next step; on resume a container that reads PUBLISHED is not published again (its media is looked up
 * among the account's newest), and `media_publish` — the only irreversible request — is sent once per
 * attempt that finds the container FINISHED.
 */
export async function publishToInstagram(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint, timing: PollTiming): Promise<PublishResult> {
  const token = account.tokens.accessToken;
  const progress = () => checkpoint.state as InstagramProgress;
  let mediaId = progress().mediaId;
  if (!mediaId) {
    let containerId = progress().containerId;
    if (!containerId) {
      const format = instagramFormat(content);
      const items = await prepareItems(context, account, content, format, checkpoint);
      if (format === 'carousel') {
        for (const child of items) await waitForContainer(context, INSTAGRAM_CONTAINERS, child, token, timing);
        containerId = await createCarousel(context, account, content, items);
      } else containerId = items[0]!;
      await checkpoint.save({ containerId });
    }
    const state = await waitForContainer(context, INSTAGRAM_CONTAINERS, containerId, token, timing);
    mediaId = state === 'PUBLISHED' ? await publishedMediaId(context, account, content, containerId, new Date(0)) : await publishContainer(context, INSTAGRAM_CONTAINERS, account.remoteId, containerId, token);
    await checkpoint.save({ mediaId });
  }
  if (content.firstComment && instagramFormat(content) !== 'story') {
    const message = content.firstComment;
    await atMostOnce(context, checkpoint, 'firstCommentSent', async () => {
      await context.http.request({ method: 'POST', url: `${context.settings.apiUrl}/${mediaId}/comments`, form: { message }, bearer: token, irreversible: true });
    });
  }
  return { remoteId: mediaId, url: await readFieldQuietly(context, `${context.settings.apiUrl}/${mediaId}`, 'permalink', token) };
}

/**
 * The media a PUBLISHED container became. Containers do not name it, so it is found among the newest
 * media by caption; a story (no caption, not in /media) falls back to the container id, which still
 * identifies the attempt but has no metrics.
 */
export async function publishedMediaId(context: PlatformContext, account: AccountHandle, content: PublishContent, containerId: string, since: Date): Promise<string> {
  if (instagramFormat(content) !== 'story') {
    const found = await findRecentPost(context, { url: `${context.settings.apiUrl}/${account.remoteId}/media`, textField: 'caption', text: content.text, since, token: account.tokens.accessToken });
    if (found) return found.id;
  }
  context.log.warn('published Instagram container without a matching media; keeping the container id', { containerId });
  return containerId;
}
