import type { AccountHandle, Metrics, PlatformContext } from '../types.js';

/** A video's likes, comments, shares and views (`POST /v2/video/query/`, scope video.list). */
export async function tiktokMetrics(context: PlatformContext, account: AccountHandle, videoId: string): Promise<Metrics> {
  const response = await context.http.request({
    method: 'POST',
    url: `${context.settings.apiUrl}/v2/video/query/`,
    bearer: account.tokens.accessToken,
    query: { fields: 'id,like_count,comment_count,share_count,view_count' },
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    json: { filters: { video_ids: [videoId] } },
  });
  const video = (response.json as { data: { videos?: Array<Record<string, number | undefined>> } }).data.videos?.[0] ?? {};
  const count = (key: string) => video[key] ?? null;
  return { likes: count('like_count'), comments: count('comment_count'), shares: count('share_count'), views: count('view_count') };
}
