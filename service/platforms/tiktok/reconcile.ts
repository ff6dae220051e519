import { isPlatformError } from '../lib/errors.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, Reconciliation } from '../types.js';
import { tiktokResult } from './publish.js';
import { fetchPublishStatus, postIdOf } from './status.js';

/**
 * Did the video go out? TikTok's status by publish_id is authoritative (read-only): complete → found;
 * failed or bytes missing → not published; still in moderation → cannot tell yet. No publish_id means
 * init never answered, so no upload happened.
 */
export async function reconcileTikTok(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint): Promise<Reconciliation> {
  const publishId = checkpoint.state.publishId;
  if (typeof publishId !== 'string') return { found: false };
  const video = content.media.find((media) => media.kind === 'video');
  try {
    const status = await fetchPublishStatus(context, account, publishId);
    const postId = postIdOf(status);
    if (status.status === 'PUBLISH_COMPLETE' && postId) return { found: true, result: tiktokResult(context.settings, null, postId) };
    if (status.status === 'FAILED') return { found: false };
    if (status.status === 'PROCESSING_UPLOAD' && video && (status.uploaded_bytes ?? 0) < video.sizeBytes) return { found: false };
    return { found: 'unknown' };
  } catch (error) {
    if (isPlatformError(error) && error.kind !== 'auth') return { found: 'unknown' };
    throw error;
  }
}
