import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator, SimPost } from '../kit/types.js';
import { authed } from './auth.js';
import { channelIdOf } from './world.js';

/**
 * `GET /youtube/v3/channels?mine=true` (the connected channel) and `GET /youtube/v3/videos?id=…` with the
 * parts the adapter reads: status (uploaded → processed, or rejected as a duplicate) and statistics
 * (counts as strings, like the real API).
 */
export function registerReads(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory' | 'posts'>): void {
  router.get(
    '/youtube/v3/channels',
    authed(sim, (ctx, person) => {
      const id = channelIdOf(person);
      ctx.body = {
        kind: 'youtube#channelListResponse',
        pageInfo: { totalResults: 1, resultsPerPage: 5 },
        items: [{ kind: 'youtube#channel', id, snippet: { title: person.name, description: '', customUrl: `@${person.username}`, thumbnails: { default: { url: person.avatarUrl, width: 88, height: 88 } } } }],
      };
    }),
  );

  router.get(
    '/youtube/v3/videos',
    authed(sim, (ctx) => {
      const ids = String(ctx.query.id ?? '').split(',');
      const parts = String(ctx.query.part ?? '').split(',');
      const items = sim.posts.filter((post) => ids.includes(post.id)).map((post) => videoJson(post, parts));
      ctx.body = { kind: 'youtube#videoListResponse', items, pageInfo: { totalResults: items.length, resultsPerPage: items.length } };
    }),
  );
}

/** A video resource with the requested parts; reading its status moves processing along. */
export function videoJson(post: SimPost, parts: string[]) {
  const extra = post.extra as { status: Record<string, unknown>; snippet: Record<string, unknown>; statusReads: number };
  if (parts.includes('status') && extra.status.uploadStatus === 'uploaded' && ++extra.statusReads >= 2) extra.status.uploadStatus = 'processed';
  return {
    kind: 'youtube#video',
    id: post.id,
    ...(parts.includes('snippet') ? { snippet: { ...extra.snippet, channelId: post.author, publishedAt: post.createdAt.toISOString() } } : {}),
    ...(parts.includes('status') ? { status: { ...extra.status } } : {}),
    ...(parts.includes('statistics') ? { statistics: { viewCount: '42', likeCount: '6', favoriteCount: '0', commentCount: '3' } } : {}),
  };
}
