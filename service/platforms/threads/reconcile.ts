import { containerState } from '../meta/containers.js';
import { readFieldQuietly, unknownWhenUnreachable } from '../meta/graph.js';
import { findRecentPost } from '../meta/recent-posts.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, Reconciliation } from '../types.js';
import { THREADS_CONTAINERS } from './dialect.js';
import { partsOf, publishedPostId } from './publish.js';

/**
 * Did the Threads post — every part of its thread — go out? Parts with a post id are out; the part that
 * was in flight is judged by its container (PUBLISHED = out). Found only when the whole thread is out;
 * otherwise not found, and a retry resumes from the checkpoint without re-sending any published part.
 * Without any container, the newest posts are searched by text.
 */
export async function reconcileThreads(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint, since: Date): Promise<Reconciliation> {
  const token = account.tokens.accessToken;
  const texts = [content.text, ...content.threadParts];
  const parts = partsOf(checkpoint);
  return unknownWhenUnreachable(async (): Promise<Reconciliation> => {
    if (!parts[0]?.containerId && !parts[0]?.postId) {
      const recent = await findRecentPost(context, { url: `${context.settings.apiUrl}/${account.remoteId}/threads`, textField: 'text', text: content.text, since, token });
      return recent && texts.length === 1 ? { found: true, result: { remoteId: recent.id, url: recent.permalink } } : { found: false };
    }
    const ids: string[] = [];
    for (const [index, text] of texts.entries()) {
      const part = parts[index];
      if (part?.postId) ids.push(part.postId);
      else if (part?.containerId) {
        const { state } = await containerState(context, THREADS_CONTAINERS, part.containerId, token);
        if (state === null) return { found: 'unknown' };
        if (state !== 'PUBLISHED') return { found: false };
        ids.push(await publishedPostId(context, account, text, index, part.containerId, since));
      } else return { found: false };
    }
    return { found: true, result: { remoteId: ids[0]!, url: await readFieldQuietly(context, `${context.settings.apiUrl}/${ids[0]}`, 'permalink', token) } };
  });
}
