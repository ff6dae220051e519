import { PlatformError } from '../lib/errors.js';
import { createContainer, publishContainer, waitForContainer } from '../meta/containers.js';
import { readFieldQuietly } from '../meta/graph.js';
import type { PollTiming } from '../meta/poll.js';
import { findRecentPost } from '../meta/recent-posts.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, PublishMedia, PublishResult } from '../types.js';
import { THREADS_CONTAINERS } from './dialect.js';

/** One post of the thread: its carousel items, its container, and once out, its id. */
export interface ThreadsPartProgress {
  items?: string[];
  containerId?: string;
  postId?: string;
}

/** What a Threads publish remembers between attempts: one entry per post of the thread, in order. */
export interface ThreadsProgress {
  parts?: ThreadsPartProgress[];
}

/** Reference §5 "Carousel": 2 to 20 items. */
const CAROUSEL_MAX = 20;

/**
 * Publishes the text (with its media) and then each thread part as a reply to the previous post
 * (reference §5 steps 1–5): container → status poll → `threads_publish`. Each part's container and post
 * id are checkpointed before the next step, so a resumed attempt continues with the first part not out,
 * and a container that reads PUBLISHED is never published again.
 */
export async function publishToThreads(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint, timing: PollTiming): Promise<PublishResult> {
  const texts = [content.text, ...content.threadParts];
  let previous: string | null = null;
  for (const [index, text] of texts.entries()) {
    previous = await publishPart(context, account, { text, media: index === 0 ? content.media : [], replyTo: previous, index }, checkpoint, timing);
  }
  const first = partsOf(checkpoint)[0]!.postId!;
  return { remoteId: first, url: await readFieldQuietly(context, `${context.settings.apiUrl}/${first}`, 'permalink', account.tokens.accessToken) };
}

/** The thread's progress, one entry per part. */
export function partsOf(checkpoint: Checkpoint): ThreadsPartProgress[] {
  return [...((checkpoint.state as ThreadsProgress).parts ?? [])];
}

async function savePart(checkpoint: Checkpoint, index: number, patch: ThreadsPartProgress): Promise<void> {
  const parts = partsOf(checkpoint);
  parts[index] = { ...parts[index], ...patch };
  await checkpoint.save({ parts });
}

interface Part {
  text: string;
  media: PublishMedia[];
  replyTo: string | null;
  index: number;
}

async function publishPart(context: PlatformContext, account: AccountHandle, part: Part, checkpoint: Checkpoint, timing: PollTiming): Promise<string> {
  const token = account.tokens.accessToken;
  const saved = partsOf(checkpoint)[part.index] ?? {};
  if (saved.postId) return saved.postId;
  let containerId = saved.containerId;
  if (!containerId) {
    containerId = await createPartContainer(context, account, part, checkpoint, timing);
    await savePart(checkpoint, part.index, { containerId });
  }
  const state = await waitForContainer(context, THREADS_CONTAINERS, containerId, token, timing);
  const postId = state === 'PUBLISHED' ? await publishedPostId(context, account, part.text, part.index, containerId, new Date(0)) : await publishContainer(context, THREADS_CONTAINERS, account.remoteId, containerId, token);
  await savePart(checkpoint, part.index, { postId });
  return postId;
}

async function createPartContainer(context: PlatformContext, account: AccountHandle, part: Part, checkpoint: Checkpoint, timing: PollTiming): Promise<string> {
  const url = `${context.settings.apiUrl}/${account.remoteId}/threads`;
  const token = account.tokens.accessToken;
  const reply = part.replyTo ? { reply_to_id: part.replyTo } : {};
  if (part.media.some((item) => item.kind === 'document')) throw new PlatformError('invalid_content', 'Threads cannot publish documents. Remove the document from this post.');
  if (part.media.length > CAROUSEL_MAX) throw new PlatformError('invalid_content', `A Threads carousel holds at most ${CAROUSEL_MAX} photos or videos.`);
  if (part.media.length <= 1) {
    const medium = part.media[0];
    return (await createContainer(context, 'Threads', url, { ...(medium ? mediaFields(medium) : { media_type: 'TEXT' }), text: part.text, ...reply }, token)).id;
  }
  const items = [...(partsOf(checkpoint)[part.index]?.items ?? [])];
  for (const medium of part.media.slice(items.length)) {
    items.push((await createContainer(context, 'Threads', url, { ...mediaFields(medium), is_carousel_item: 'true' }, token)).id);
    await savePart(checkpoint, part.index, { items });
  }
  for (const item of items) await waitForContainer(context, THREADS_CONTAINERS, item, token, timing);
  return (await createContainer(context, 'Threads', url, { media_type: 'CAROUSEL', children: items.join(','), text: part.text, ...reply }, token)).id;
}

/** Threads fetches media from their public URL. */
function mediaFields(medium: PublishMedia): Record<string, string> {
  return medium.kind === 'video' ? { media_type: 'VIDEO', video_url: medium.publicUrl } : { media_type: 'IMAGE', image_url: medium.publicUrl };
}

/**
 * The post a PUBLISHED container became, found among the newest posts (the first part) or replies (the
 * others) by its text; the container id when it cannot be found.
 */
export async function publishedPostId(context: PlatformContext, account: AccountHandle, text: string, index: number, containerId: string, since: Date): Promise<string> {
  const edge = index === 0 ? 'threads' : 'replies';
  const found = await findRecentPost(context, { url: `${context.settings.apiUrl}/${account.remoteId}/${edge}`, textField: 'text', text, since, token: account.tokens.accessToken });
  if (found) return found.id;
  context.log.warn('published Threads container without a matching post; keeping the container id', { containerId });
  return containerId;
}
