import type { AccountHandle, Metrics, PlatformContext } from '../types.js';
import { encodeUrn, restRequest } from './api.js';

interface ShareStatistics {
  elements?: Array<{ totalShareStatistics?: { impressionCount?: number; likeCount?: number; commentCount?: number; shareCount?: number } }>;
}

interface SocialActions {
  likesSummary?: { totalLikes?: number };
  commentsSummary?: { aggregatedTotalComments?: number };
}

/**
 * A post's numbers. Page posts: the organization's share statistics (impressions, likes, comments,
 * reshares). Member posts: LinkedIn keeps impressions for members behind a separate product, so the
 * likes and comments of the post's social actions.
 */
export async function linkedInMetrics(ctx: PlatformContext, account: AccountHandle, remoteId: string): Promise<Metrics> {
  const token = account.tokens.accessToken;
  if (account.kind === 'organization') {
    // Rest.li 2.0 list syntax: the parentheses are syntax and stay as they are; the URN inside is encoded.
    const list = remoteId.startsWith('urn:li:ugcPost:') ? 'ugcPosts' : 'shares';
    const query = `q=organizationalEntity&organizationalEntity=${encodeUrn(account.remoteId)}&${list}=List(${encodeUrn(remoteId)})`;
    const response = await ctx.http.request(restRequest(ctx, token, { method: 'GET', path: `/organizationalEntityShareStatistics?${query}` }));
    const totals = (response.json as ShareStatistics).elements?.[0]?.totalShareStatistics ?? {};
    return { impressions: totals.impressionCount ?? null, likes: totals.likeCount ?? null, comments: totals.commentCount ?? null, shares: totals.shareCount ?? null };
  }
  const response = await ctx.http.request(restRequest(ctx, token, { method: 'GET', path: `/socialActions/${encodeUrn(remoteId)}` }));
  const actions = response.json as SocialActions;
  return { likes: actions.likesSummary?.totalLikes ?? null, comments: actions.commentsSummary?.aggregatedTotalComments ?? null };
}
