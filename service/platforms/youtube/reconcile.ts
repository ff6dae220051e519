import { isPlatformError } from '../lib/errors.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, Reconciliation } from '../types.js';
import { videoResult } from './publish.js';
import { probeUploadSession } from './resumable.js';

/**
 * Did the upload whose last request went unanswered create the video? The checkpointed session is
 * probed (read-only): finished → found, with the video id; bytes missing → not published; session gone
 * → cannot tell. No session means the upload never started, so nothing was published.
 */
export async function reconcileVideo(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint): Promise<Reconciliation> {
  if (typeof checkpoint.state.videoId === 'string') return { found: true, result: videoResult(context.settings, checkpoint.state.videoId) };
  const session = checkpoint.state.uploadSession;
  const video = content.media.find((media) => media.kind === 'video');
  if (typeof session !== 'string' || !video) return { found: false };
  try {
    const state = await probeUploadSession(context, account, session, video.sizeBytes);
    if ('videoId' in state) {
      await checkpoint.save({ videoId: state.videoId });
      return { found: true, result: videoResult(context.settings, state.videoId) };
    }
    return 'expired' in state ? { found: 'unknown' } : { found: false };
  } catch (error) {
    if (isPlatformError(error) && error.kind !== 'auth') return { found: 'unknown' };
    throw error;
  }
}
