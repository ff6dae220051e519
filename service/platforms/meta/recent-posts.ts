import type { PlatformContext } from '../types.js';
import { CLOCK_SLACK_MS, parseGraphTime } from './graph-time.js';

/** How many of the newest posts a lookup reads: a post lost in flight minutes ago is among them. */
const RECENT = 25;

/**
 * Finds our post among an account's newest ones (Instagram `/{user}/media`, Threads `/{user}/threads`)
 * by its exact text and a timestamp not before `since`. Used when a container reads PUBLISHED but the
 * publish answer (with the post id) was lost.
 */
export async function findRecentPost(
  context: PlatformContext,
  request: { url: string; textField: string; text: string; since: Date; token: string },
): Promise<{ id: string; permalink: string | null } | null> {
  const response = await context.http.request({
    method: 'GET',
    url: request.url,
    query: { fields: `id,${request.textField},timestamp,permalink`, limit: RECENT },
    bearer: request.token,
  });
  const entries = ((response.json as { data?: unknown[] }).data ?? []) as Array<Record<string, unknown>>;
  const earliest = request.since.getTime() - CLOCK_SLACK_MS;
  const match = entries.find((entry) => (entry[request.textField] ?? '') === request.text && parseGraphTime(entry.timestamp) >= earliest);
  if (!match || typeof match.id !== 'string') return null;
  return { id: match.id, permalink: typeof match.permalink === 'string' ? match.permalink : null };
}
