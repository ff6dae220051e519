import { readInsights } from '../meta/insights.js';
import type { AccountHandle, Metrics, PlatformContext } from '../types.js';

/** Post insights (reference §5 "Metrics"): views, likes, replies as comments, reposts + quotes as shares. */
export async function threadsMetrics(context: PlatformContext, account: AccountHandle, remoteId: string): Promise<Metrics> {
  const response = await context.http.request({
    method: 'GET',
    url: `${context.settings.apiUrl}/${remoteId}/insights`,
    query: { metric: 'views,likes,replies,reposts,quotes' },
    bearer: account.tokens.accessToken,
  });
  const numbers = readInsights(response.json);
  const shares = numbers.reposts === undefined && numbers.quotes === undefined ? null : (numbers.reposts ?? 0) + (numbers.quotes ?? 0);
  return { views: numbers.views ?? null, likes: numbers.likes ?? null, comments: numbers.replies ?? null, shares };
}
