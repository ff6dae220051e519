import { PlatformError } from '../lib/errors.js';
import { retryRead, sleep } from '../lib/poll.js';
import type { AccountHandle, Checkpoint, PlatformContext, PlatformSettings, PublishContent, PublishResult } from '../types.js';
import { resumableUpload } from './resumable.js';

/** YouTube's title limit (platform-apis.md §8). */
const TITLE_MAX = 100;
/** "People & Blogs": YouTube's usual default category. */
const DEFAULT_CATEGORY = '22';
/** Short looks at processing: a duplicate is rejected early; a long processing run is not waited for. */
const STATUS_DELAYS_MS = [0, 1000, 2000];

/** The watch address (none in sandbox mode: the video exists only in the simulator). */
export function videoResult(settings: PlatformSettings, videoId: string): PublishResult {
  return { remoteId: videoId, url: settings.sandbox ? null : `https://www.youtube.com/watch?v=${videoId}` };
}

/** The video resource of videos.insert from the content and the target's options (privacy, categoryId, tags, publishAt, madeForKids). */
export function videoResource(content: PublishContent): Record<string, unknown> {
  const { options } = content;
  const title = (content.title?.trim() || content.text.split('\n')[0]!.trim() || 'Untitled').slice(0, TITLE_MAX);
  const privacyStatus = typeof options.privacy === 'string' ? options.privacy : 'public';
  const tags = Array.isArray(options.tags) ? options.tags.filter((tag): tag is string => typeof tag === 'string') : undefined;
  return {
    snippet: { title, description: content.text, categoryId: typeof options.categoryId === 'string' ? options.categoryId : DEFAULT_CATEGORY, ...(tags?.length ? { tags } : {}) },
    status: {
      privacyStatus,
      selfDeclaredMadeForKids: options.madeForKids === true,
      // YouTube publishes a private video at publishAt; it refuses publishAt with any other privacy.
      ...(typeof options.publishAt === 'string' && privacyStatus === 'private' ? { publishAt: options.publishAt } : {}),
    },
  };
}

/**
 * Uploads the post's video (resumable, checkpointed session), records its id, then looks briefly at
 * processing: a video YouTube rejects (a duplicate of one already on the channel) or fails is reported
 * as invalid content; one still processing counts as published.
 */
export async function publishVideo(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint, chunkBytes: number): Promise<PublishResult> {
  const video = content.media.find((media) => media.kind === 'video');
  if (!video) throw new PlatformError('invalid_content', 'A YouTube post needs a video. Add one and try again.');
  let videoId = typeof checkpoint.state.videoId === 'string' ? checkpoint.state.videoId : null;
  if (!videoId) {
    videoId = await resumableUpload(context, account, video, videoResource(content), checkpoint, chunkBytes);
    await checkpoint.save({ videoId });
  }
  await checkProcessing(context, account, videoId);
  return videoResult(context.settings, videoId);
}

async function checkProcessing(context: PlatformContext, account: AccountHandle, videoId: string): Promise<void> {
  for (const delay of STATUS_DELAYS_MS) {
    if (delay) await sleep(delay, context.signal);
    const response = await retryRead(
      () => context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/videos`, bearer: account.tokens.accessToken, query: { part: 'status', id: videoId } }),
      { signal: context.signal },
    );
    const status = (response.json as { items?: Array<{ status?: { uploadStatus?: string; rejectionReason?: string; failureReason?: string } }> }).items?.[0]?.status;
    if (status?.uploadStatus === 'rejected') {
      const duplicate = status.rejectionReason === 'duplicate';
      throw new PlatformError(
        'invalid_content',
        duplicate ? 'YouTube rejected this video as a duplicate of one already on the channel.' : `YouTube rejected this video (${status.rejectionReason ?? 'no reason given'}).`,
        { vendorCode: status.rejectionReason ?? 'rejected' },
      );
    }
    if (status?.uploadStatus === 'failed') {
      throw new PlatformError('invalid_content', `YouTube could not process this video (${status.failureReason ?? 'no reason given'}). Check the file and try again.`, { vendorCode: status.failureReason ?? 'failed' });
    }
    if (status?.uploadStatus !== 'uploaded') return;
  }
}
