import { readInsights } from '../meta/insights.js';
import type { AccountHandle, Metrics, PlatformContext } from '../types.js';

/**
 * Media insights (reference §3 "Metrics"): views, likes, comments, shares. `impressions` and `plays` are
 * retired since v22.0 and not asked for.
 */
export async function instagramMetrics(context: PlatformContext, account: AccountHandle, remoteId: string): Promise<Metrics> {
  const response = await context.http.request({
    method: 'GET',
    url: `${context.settings.apiUrl}/${remoteId}/insights`,
    query: { metric: 'views,likes,comments,shares' },
    bearer: account.tokens.accessToken,
  });
  const numbers = readInsights(response.json);
  return { views: numbers.views ?? null, likes: numbers.likes ?? null, comments: numbers.comments ?? null, shares: numbers.shares ?? null };
}
