import { containerState } from '../meta/containers.js';
import { readFieldQuietly, unknownWhenUnreachable } from '../meta/graph.js';
import { findRecentPost } from '../meta/recent-posts.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, Reconciliation } from '../types.js';
import type { InstagramProgress } from './containers.js';
import { INSTAGRAM_CONTAINERS } from './dialect.js';
import { publishedMediaId } from './publish.js';

/**
 * Did the Instagram post go out? The container decides (reference §3: "re-read the container: PUBLISHED
 * means it went out"): PUBLISHED → found; any other state → not published. Without a container in the
 * checkpoint, the newest media are searched by caption.
 */
export async function reconcileInstagram(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint, since: Date): Promise<Reconciliation> {
  const token = account.tokens.accessToken;
  const progress = checkpoint.state as InstagramProgress;
  return unknownWhenUnreachable(async (): Promise<Reconciliation> => {
    const found = async (mediaId: string): Promise<Reconciliation> => ({
      found: true,
      result: { remoteId: mediaId, url: await readFieldQuietly(context, `${context.settings.apiUrl}/${mediaId}`, 'permalink', token) },
    });
    if (progress.mediaId) return found(progress.mediaId);
    if (progress.containerId) {
      const { state } = await containerState(context, INSTAGRAM_CONTAINERS, progress.containerId, token);
      if (state === null) return { found: 'unknown' };
      return state === 'PUBLISHED' ? found(await publishedMediaId(context, account, content, progress.containerId, since)) : { found: false };
    }
    const recent = await findRecentPost(context, { url: `${context.settings.apiUrl}/${account.remoteId}/media`, textField: 'caption', text: content.text, since, token });
    return recent ? { found: true, result: { remoteId: recent.id, url: recent.permalink } } : { found: false };
  });
}
