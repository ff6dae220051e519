import { isPlatformError } from '../lib/errors.js';
import { readInsights } from '../meta/insights.js';
import type { AccountHandle, Metrics, PlatformContext } from '../types.js';

interface Counted {
  reactions?: { summary?: { total_count?: number } };
  comments?: { summary?: { total_count?: number } };
  shares?: { count?: number };
}

/**
 * A Page post's numbers: reactions, comments and shares from the post itself (summaries only, no
 * people), views from Page Insights' `post_media_view` (the replacement of the retired impressions).
 */
export async function facebookMetrics(context: PlatformContext, account: AccountHandle, remoteId: string): Promise<Metrics> {
  const api = context.settings.apiUrl;
  const token = account.tokens.accessToken;
  const response = await context.http.request({
    method: 'GET',
    url: `${api}/${remoteId}`,
    query: { fields: 'reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares' },
    bearer: token,
  });
  const counted = response.json as Counted;
  return {
    likes: counted.reactions?.summary?.total_count ?? null,
    comments: counted.comments?.summary?.total_count ?? null,
    // Graph omits `shares` until someone shares.
    shares: counted.shares?.count ?? 0,
    views: await postViews(context, remoteId, token),
  };
}

/** Insights are refused for some objects (videos, very new posts): then views are simply unknown. */
async function postViews(context: PlatformContext, remoteId: string, token: string): Promise<number | null> {
  try {
    const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/${remoteId}/insights`, query: { metric: 'post_media_view' }, bearer: token });
    return readInsights(response.json).post_media_view ?? null;
  } catch (error) {
    if (isPlatformError(error) && error.kind === 'invalid_content') return null;
    throw error;
  }
}
