import type { AccountHandle, Metrics, PlatformContext } from '../types.js';
import { xApi } from './api.js';

interface PostMetrics {
  data: { public_metrics?: { like_count?: number; reply_count?: number; retweet_count?: number; quote_count?: number; impression_count?: number } };
  includes?: { media?: Array<{ public_metrics?: { view_count?: number } }> };
}

/**
 * A post's public numbers; views are those of its video, when it has one. The field list is `post.fields`:
 * X's current official spec names it so (older documents say `tweet.fields`).
 */
export async function xMetrics(ctx: PlatformContext, account: AccountHandle, remoteId: string): Promise<Metrics> {
  const response = await ctx.http.request({
    method: 'GET',
    url: xApi(ctx, `/tweets/${remoteId}`),
    bearer: account.tokens.accessToken,
    query: { 'post.fields': 'public_metrics', expansions: 'attachments.media_keys', 'media.fields': 'public_metrics' },
  });
  const body = response.json as PostMetrics;
  const counts = body.data.public_metrics ?? {};
  const views = body.includes?.media?.map((media) => media.public_metrics?.view_count).find((count) => count !== undefined);
  return {
    likes: counts.like_count ?? null,
    comments: counts.reply_count ?? null,
    shares: counts.retweet_count === undefined ? null : counts.retweet_count + (counts.quote_count ?? 0),
    impressions: counts.impression_count ?? null,
    views: views ?? null,
  };
}
