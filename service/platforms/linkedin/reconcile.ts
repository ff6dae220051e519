import { isPlatformError } from '../lib/errors.js';
import { retryRead } from '../lib/poll.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, Reconciliation } from '../types.js';
import { linkedInPostUrl, restRequest } from './api.js';
import { readLinkedInProgress } from './checkpoint.js';
import { toLittleText } from './little-text.js';

/** How many of the author's latest posts are read; a busier author since the attempt cannot be told. */
const PAGE_SIZE = 50;
const CLOCK_SKEW_MS = 2 * 60_000;

interface AuthorPost {
  id: string;
  commentary?: string;
  createdAt?: number;
}

/**
 * Whether an attempt whose outcome was unknown created the post: the checkpoint's URN when LinkedIn
 * answered, else the author's latest posts (`GET /rest/posts?q=author`, read-only) searched for one
 * created since the attempt with the same commentary. A token that may not read the author's posts
 * (LinkedIn restricts the finder for members) cannot tell: "unknown".
 */
export async function reconcileLinkedIn(ctx: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint, since: Date): Promise<Reconciliation> {
  const progress = readLinkedInProgress(checkpoint);
  if (progress.postUrn) return { found: true, result: { remoteId: progress.postUrn, url: linkedInPostUrl(progress.postUrn) } };
  let posts: AuthorPost[];
  try {
    const response = await retryRead(
      () =>
        ctx.http.request(
          restRequest(ctx, account.tokens.accessToken, { method: 'GET', path: '/posts', query: { q: 'author', author: account.remoteId, count: PAGE_SIZE, sortBy: 'CREATED' } }),
        ),
      { signal: ctx.signal },
    );
    posts = (response.json as { elements?: AuthorPost[] }).elements ?? [];
  } catch (error) {
    if (isPlatformError(error) && error.details.httpStatus === 403) return { found: 'unknown' };
    throw error;
  }
  const commentary = toLittleText(content.text);
  const after = since.getTime() - CLOCK_SKEW_MS;
  const match = posts.find((post) => post.commentary === commentary && (post.createdAt ?? 0) >= after);
  if (match) {
    await checkpoint.save({ postUrn: match.id });
    return { found: true, result: { remoteId: match.id, url: linkedInPostUrl(match.id) } };
  }
  // A full page may hide older posts made since the attempt.
  const oldest = posts.at(-1)?.createdAt ?? 0;
  return posts.length >= PAGE_SIZE && oldest >= after ? { found: 'unknown' } : { found: false };
}
