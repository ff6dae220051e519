import type Router from '@koa/router';
import type { Context } from 'koa';
import type { AppState } from '../../../context.js';
import type { SimPerson } from '../kit/directory.js';
import type { NetworkSimulator, SimPost } from '../kit/types.js';
import { authed } from './auth.js';
import { pinterestError, type World } from './world.js';

const DAY_MS = 24 * 3600 * 1000;

interface PinBody {
  board_id?: string;
  title?: string | null;
  description?: string | null;
  link?: string | null;
  alt_text?: string | null;
  media_source?: { source_type?: string; url?: string; items?: Array<{ url: string }>; media_id?: string; cover_image_url?: string; cover_image_data?: string; cover_image_key_frame_time?: number };
}

/**
 * `POST /v5/pins`, `GET /v5/pins/{id}` (with `pin_metrics`) and `GET /v5/boards/{id}/pins`. Image URLs
 * are fetched as Pinterest does ("Unable to reach the URL" when they cannot be); a video Pin needs a
 * processed upload and a cover. The same Pin again on the same board within a day is refused as a
 * duplicate (Pinterest's duplicate answer is not documented — platform-apis.md §7 — so this is a 400).
 */
export function registerPins(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory' | 'posts'>, world: World): void {
  router.post(
    '/v5/pins',
    authed(sim, async (ctx, person) => {
      const body = ((ctx.request as { body?: unknown }).body ?? {}) as PinBody;
      const board = world.boardsOf(person).find((candidate) => candidate.id === body.board_id);
      if (!board) return pinterestError(ctx, 404, 404, 'Board not found.');
      const media = await mediaOf(ctx, person, body, world);
      if (!media) return;
      const duplicate = sim.posts.some(
        (post) =>
          post.author === person.id &&
          post.extra?.boardId === board.id &&
          post.text === (body.description ?? '') &&
          post.media.join() === media.urls.join() &&
          Date.now() - post.createdAt.getTime() < DAY_MS,
      );
      if (duplicate) return pinterestError(ctx, 400, 1, 'This Pin is a duplicate of one saved to this board recently.');
      const post: SimPost = {
        id: world.newId(),
        author: person.id,
        text: body.description ?? '',
        media: media.urls,
        createdAt: new Date(),
        extra: { boardId: board.id, title: body.title ?? null, link: body.link ?? null, mediaType: media.type, metrics: { impression: 120, pin_click: 11, clickthrough: 4, reaction: 7, comment: 2, save: 5 } },
      };
      sim.posts.push(post);
      ctx.status = 201;
      ctx.body = pinJson(post, person);
    }),
  );

  router.get(
    '/v5/pins/:pinId',
    authed(sim, (ctx, person) => {
      const post = sim.posts.find((candidate) => candidate.id === ctx.params.pinId && candidate.author === person.id);
      if (!post) return pinterestError(ctx, 404, 404, 'Pin not found.');
      ctx.body = { ...pinJson(post, person), ...(ctx.query.pin_metrics === 'true' ? { pin_metrics: { lifetime_metrics: post.extra?.metrics } } : {}) };
    }),
  );

  router.get(
    '/v5/boards/:boardId/pins',
    authed(sim, (ctx, person) => {
      const board = world.boardsOf(person).find((candidate) => candidate.id === ctx.params.boardId);
      if (!board) return pinterestError(ctx, 404, 404, 'Board not found.');
      const size = Number(ctx.query.page_size ?? 25);
      const items = sim.posts.filter((post) => post.extra?.boardId === board.id).reverse().slice(0, size);
      ctx.body = { items: items.map((post) => pinJson(post, person)), bookmark: null };
    }),
  );
}

async function mediaOf(ctx: Context, person: SimPerson, body: PinBody, world: World): Promise<{ urls: string[]; type: string } | null> {
  const source = body.media_source;
  if (source?.source_type === 'image_url' || source?.source_type === 'multiple_image_urls') {
    const urls = source.source_type === 'image_url' ? [source.url ?? ''] : (source.items ?? []).map((item) => item.url);
    for (const url of urls) {
      if (!(await reachable(url))) {
        pinterestError(ctx, 400, 1, `Unable to reach the URL: ${url}`);
        return null;
      }
    }
    return { urls, type: urls.length > 1 ? 'multiple_images' : 'image' };
  }
  if (source?.source_type === 'video_id') {
    const upload = world.media.get(source.media_id ?? '');
    if (!upload || upload.owner !== person.id || upload.status !== 'succeeded') {
      pinterestError(ctx, 400, 1, 'The video is not uploaded and processed yet.');
      return null;
    }
    if (source.cover_image_url === undefined && source.cover_image_data === undefined && source.cover_image_key_frame_time === undefined) {
      pinterestError(ctx, 400, 1, 'Video Pins need cover_image_url or cover_image_content_type and cover_image_data, or cover_image_key_frame_time.');
      return null;
    }
    return { urls: [`video:${upload.id}`], type: 'video' };
  }
  pinterestError(ctx, 400, 1, 'Invalid media_source.');
  return null;
}

async function reachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function pinJson(post: SimPost, person: SimPerson) {
  return {
    id: post.id,
    created_at: post.createdAt.toISOString().slice(0, 19),
    board_id: post.extra?.boardId,
    board_owner: { username: person.username },
    title: post.extra?.title ?? null,
    description: post.text,
    link: post.extra?.link ?? null,
    media: { media_type: post.extra?.mediaType },
  };
}
