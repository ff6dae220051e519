import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import type { SimPerson } from '../kit/directory.js';
import type { NetworkSimulator } from '../kit/types.js';
import { authed } from './auth.js';
import { tiktokOk } from './world.js';

/** `GET /v2/user/info/?fields=…` (only the fields asked for) and `POST /v2/video/query/` (the creator's videos' counts). */
export function registerReads(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory' | 'posts'>, openIdOf: (person: SimPerson) => string): void {
  router.get(
    '/v2/user/info/',
    authed(sim, (ctx, person) => {
      const all: Record<string, unknown> = { open_id: openIdOf(person), union_id: `u-${person.id}`, avatar_url: person.avatarUrl, display_name: person.name, username: person.username, follower_count: 12 };
      const fields = String(ctx.query.fields ?? '').split(',');
      tiktokOk(ctx, { user: Object.fromEntries(fields.filter((field) => field in all).map((field) => [field, all[field]])) });
    }),
  );

  router.post(
    '/v2/video/query/',
    authed(sim, (ctx, person) => {
      const ids = (((ctx.request as { body?: unknown }).body ?? {}) as { filters?: { video_ids?: string[] } }).filters?.video_ids ?? [];
      const videos = sim.posts.filter((post) => post.author === openIdOf(person) && ids.includes(post.id));
      tiktokOk(ctx, { videos: videos.map((post) => ({ id: post.id, like_count: 31, comment_count: 4, share_count: 2, view_count: 640 })), cursor: 0, has_more: false });
    }),
  );
}
