import { PlatformError } from '../lib/errors.js';
import { retryRead, sleep } from '../lib/poll.js';
import type { AccountHandle, PlatformContext } from '../types.js';

/** What `status/fetch/` says about a publish_id. */
export interface PublishStatus {
  status: 'PROCESSING_UPLOAD' | 'PROCESSING_DOWNLOAD' | 'SEND_TO_USER_INBOX' | 'PUBLISH_COMPLETE' | 'FAILED';
  uploaded_bytes?: number;
  fail_reason?: string;
  /** [sic]: TikTok's spelling. Present after moderation. */
  publicaly_available_post_id?: string[];
}

/** Read-only and retried (TikTok allows 30 status reads a minute per token). */
export async function fetchPublishStatus(context: PlatformContext, account: AccountHandle, publishId: string): Promise<PublishStatus> {
  const response = await retryRead(
    () =>
      context.http.request({
        method: 'POST',
        url: `${context.settings.apiUrl}/v2/post/publish/status/fetch/`,
        bearer: account.tokens.accessToken,
        headers: { 'content-type': 'application/json; charset=UTF-8' },
        json: { publish_id: publishId },
      }),
    { signal: context.signal },
  );
  const status = (response.json as { data: PublishStatus }).data;
  // Post ids are 64-bit integers sent as JSON numbers: JSON.parse rounds them, so read their digits
  // from the raw answer.
  const raw = response.text.match(/"publicaly_available_post_id"\s*:\s*\[([^\]]*)\]/)?.[1];
  const ids = raw?.split(',').map((id) => id.trim().replace(/^"|"$/g, '')).filter(Boolean);
  return { ...status, ...(ids ? { publicaly_available_post_id: ids } : {}) };
}

/** The public post id once TikTok has one. */
export function postIdOf(status: PublishStatus): string | null {
  return status.publicaly_available_post_id?.[0] ?? null;
}

/**
 * Polls until the post is public (its id) or failed. Moderation is usually under a minute but can take
 * hours: after `budgetMs` this gives up with a transient error, and since the publish_id is checkpointed
 * the next attempt only polls again — it never uploads a second time.
 */
export async function awaitPublished(context: PlatformContext, account: AccountHandle, publishId: string, budgetMs: number, firstDelayMs: number): Promise<string> {
  const deadline = Date.now() + budgetMs;
  let delay = firstDelayMs;
  for (;;) {
    const status = await fetchPublishStatus(context, account, publishId);
    const postId = postIdOf(status);
    if (status.status === 'PUBLISH_COMPLETE' && postId) return postId;
    if (status.status === 'FAILED') {
      throw new PlatformError('invalid_content', `TikTok did not publish this video (${status.fail_reason ?? 'no reason given'}). Check the video and try again.`, { vendorCode: status.fail_reason ?? 'FAILED' });
    }
    if (Date.now() + delay > deadline) throw new PlatformError('transient', 'TikTok is still processing this video. We will check again shortly.');
    await sleep(delay, context.signal);
    delay = Math.min(delay * 2, 10_000);
  }
}
