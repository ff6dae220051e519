import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, Reconciliation } from '../types.js';
import { retryRead } from '../lib/poll.js';
import { xApi, xPostUrl } from './api.js';
import { readXProgress } from './checkpoint.js';

/** Pages of 100 posts read at most; an account posting more than this since the attempt cannot be told. */
const MAX_PAGES = 3;
/** Our clock and X's may differ a little; look a bit further back than the attempt. */
const CLOCK_SKEW_MS = 2 * 60_000;

interface TimelinePost {
  id: string;
  text: string;
  created_at?: string;
  /** The id of the thread's first post (its own id for a post that replies to nothing). */
  conversation_id?: string;
  /** Where X put its t.co links, and what each stands for (a page, or the attached media). */
  entities?: { urls?: Array<{ start: number; end: number; url?: string | null; expanded_url?: string | null; media_key?: string | null }> | null };
}

/**
 * Whether an attempt whose outcome was unknown reached X: reads (never writes) the account's posts since
 * the attempt and looks for the parts the checkpoint does not have yet, in order — the first by its text
 * and by starting a conversation of its own, each later one by its text and by belonging to the first
 * one's conversation. Parts found are saved to the
 * checkpoint; the answer is "found" only when the whole thread is there, so when it is not, the
 * publisher's retry resumes after the last part that exists instead of posting it again.
 */
export async function reconcileX(ctx: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint, since: Date): Promise<Reconciliation> {
  const progress = readXProgress(checkpoint);
  const texts = [content.text, ...content.threadParts];
  if (progress.parts.length < texts.length) {
    const timeline = await recentPosts(ctx, account, new Date(since.getTime() - CLOCK_SKEW_MS));
    if (timeline === null) return { found: 'unknown' };
    const before = progress.parts.length;
    for (let index = before; index < texts.length; index++) {
      const conversation = progress.parts[0];
      const match = timeline.find(
        (post) => sameText(textAsSent(post), texts[index]!) && !progress.parts.includes(post.id) && post.conversation_id === (conversation ?? post.id),
      );
      if (!match) break;
      progress.parts.push(match.id);
    }
    if (progress.parts.length > before) await checkpoint.save({ parts: progress.parts });
    if (progress.parts.length < texts.length) return { found: false };
  }
  const first = progress.parts[0]!;
  return { found: true, result: { remoteId: first, url: xPostUrl(first) } };
}

/** The account's posts since `start`, newest first; null when there are more than we read. */
async function recentPosts(ctx: PlatformContext, account: AccountHandle, start: Date): Promise<TimelinePost[] | null> {
  const posts: TimelinePost[] = [];
  let paginationToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await retryRead(
      () =>
        ctx.http.request({
          method: 'GET',
          url: xApi(ctx, `/users/${account.remoteId}/tweets`),
          bearer: account.tokens.accessToken,
          query: { start_time: start.toISOString(), max_results: 100, exclude: 'retweets', 'post.fields': 'created_at,conversation_id,entities', pagination_token: paginationToken },
        }),
      { signal: ctx.signal },
    );
    const body = response.json as { data?: TimelinePost[]; meta?: { next_token?: string } };
    posts.push(...(body.data ?? []));
    paginationToken = body.meta?.next_token;
    if (!paginationToken) return posts;
  }
  return null;
}

/**
 * The text as it was sent: X replaces every link with a t.co address and appends one for attached media;
 * its URL entities say which original link each t.co address stands for. The links must be compared too:
 * "New post https://a" and "New post https://b" are two posts, and taking one for the other would mark
 * a post published that never was.
 */
function textAsSent(post: TimelinePost): string {
  let text = post.text;
  const links = [...(post.entities?.urls ?? [])].sort((a, b) => b.start - a.start);
  for (const link of links) {
    const chars = [...text];
    // Entity offsets count code points, as X counts characters.
    const replacement = link.media_key ? '' : (link.expanded_url ?? link.url ?? '');
    text = [...chars.slice(0, link.start), replacement, ...chars.slice(link.end)].join('');
  }
  return text;
}

/** Same text, links included: whitespace collapsed, NFC (how X stores text), links compared as URLs. */
export function sameText(stored: string, sent: string): boolean {
  const normalize = (text: string) =>
    text
      .normalize('NFC')
      .replace(/https?:\/\/\S+/g, (link) => ` ${normalizedUrl(link)} `)
      .replace(/\s+/g, ' ')
      .trim();
  return normalize(stored) === normalize(sent);
}

function normalizedUrl(link: string): string {
  try {
    return new URL(link).href.replace(/\/$/, '');
  } catch {
    return link;
  }
}
