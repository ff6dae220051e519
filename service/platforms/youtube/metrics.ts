import type { AccountHandle, Metrics, PlatformContext } from '../types.js';

/** A video's views, likes and comments (`videos.list?part=statistics`; YouTube sends the counts as strings). */
export async function videoMetrics(context: PlatformContext, account: AccountHandle, videoId: string): Promise<Metrics> {
  const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/videos`, bearer: account.tokens.accessToken, query: { part: 'statistics', id: videoId } });
  const statistics = (response.json as { items?: Array<{ statistics?: Record<string, string | undefined> }> }).items?.[0]?.statistics ?? {};
  const count = (key: string) => (statistics[key] === undefined ? null : Number(statistics[key]));
  return { views: count('viewCount'), likes: count('likeCount'), comments: count('commentCount') };
}
