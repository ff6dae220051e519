import { CLOCK_SLACK_MS, parseGraphTime } from '../meta/graph-time.js';
import { unknownWhenUnreachable } from '../meta/graph.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, Reconciliation } from '../types.js';
import { facebookPermalink } from './publish.js';

/** Recent posts read back; a post lost in flight a few minutes ago is among the newest. */
const RECENT = 25;

/**
 * Did the Page post go out? Facebook takes no idempotency key, so: the checkpoint's post id when the
 * answer arrived; otherwise the Page's recent posts (or videos) since the attempt, matched by text.
 */
export async function reconcileFacebook(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint, since: Date): Promise<Reconciliation> {
  const token = account.tokens.accessToken;
  return unknownWhenUnreachable(async (): Promise<Reconciliation> => {
    const saved = checkpoint.state.postId;
    if (typeof saved === 'string') return { found: true, result: { remoteId: saved, url: await facebookPermalink(context, saved, token) } };
    const isVideo = content.media.some((item) => item.kind === 'video');
    const response = await context.http.request({
      method: 'GET',
      url: `${context.settings.apiUrl}/${account.remoteId}/${isVideo ? 'videos' : 'published_posts'}`,
      query: { fields: isVideo ? 'id,description,created_time' : 'id,message,created_time', limit: RECENT, since: Math.floor((since.getTime() - CLOCK_SLACK_MS) / 1000) },
      bearer: token,
    });
    const entries = (response.json as { data?: Array<{ id: string; message?: string; description?: string; created_time?: string }> }).data ?? [];
    const match = entries.find(
      (entry) => (isVideo ? entry.description : entry.message) === content.text && parseGraphTime(entry.created_time) >= since.getTime() - CLOCK_SLACK_MS,
    );
    if (!match) return { found: false };
    return { found: true, result: { remoteId: match.id, url: await facebookPermalink(context, match.id, token) } };
  });
}
