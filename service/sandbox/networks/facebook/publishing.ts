import type Router from '@koa/router';
import { SANDBOX_ENDPOINTS } from '../../../platforms/settings.js';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { graphId } from '../meta/base.js';
import { graphError } from '../meta/graph-error.js';
import { fetchMedia } from '../meta/media-fetch.js';
import { graphParams } from '../meta/params.js';
import { actingPage } from './pages.js';
import { graphTime } from '../meta/graph-time.js';
import type { FacebookWorld, FbObject } from './world.js';

const API = SANDBOX_ENDPOINTS.facebook.apiUrl;
/** Facebook refuses the same status text on a Page again within this window (code 506). */
const DUPLICATE_WINDOW_MS = 24 * 3600_000;
/** Status polls a video stays `processing` after its file was fetched, so adapters must poll. */
const PROCESSING_POLLS = 1;

/**
 * Page publishing: `/photos` (staged unpublished, Facebook fetching `url`), `/feed` (text, and photos
 * through `attached_media[n]`), `/videos` (`file_url`, processed asynchronously), `/comments`, and the
 * reads a reconcile uses: `/published_posts` and `/videos` with `since`.
 */
export function registerFacebookPublishing(router: Router<AppState>, sim: NetworkSimulator, world: FacebookWorld): void {
  const store = (object: Omit<FbObject, 'id' | 'createdAt' | 'commentCount'>, id = graphId()) => {
    const full: FbObject = { ...object, id, createdAt: new Date(), commentCount: 0 };
    world.objects.set(full.id, full);
    return full;
  };

  router.post(`${API}/:pageId/photos`, async (ctx) => {
    const page = actingPage(ctx, sim, world, ctx.params.pageId!);
    if (!page) return;
    const params = graphParams(ctx);
    if (!params.url) return graphError(ctx, 400, 324, '(#324) Requires upload file');
    const fetched = await fetchMedia(params.url);
    if (!fetched.ok || fetched.kind === 'video') return graphError(ctx, 400, 324, `(#324) Missing or invalid image file: ${fetched.ok ? 'not an image' : fetched.reason}`);
    const published = params.published !== 'false';
    const photo = store({ kind: 'photo', pageId: page.id, message: params.caption ?? params.message ?? '', published, imageUrl: params.url });
    if (published) sim.posts.push({ id: photo.id, author: page.id, text: photo.message, media: [params.url], createdAt: photo.createdAt, extra: { kind: 'photo' } });
    ctx.body = { id: photo.id, ...(published ? { post_id: `${page.id}_${photo.id}` } : {}) };
  });

  router.post(`${API}/:pageId/feed`, (ctx) => {
    const page = actingPage(ctx, sim, world, ctx.params.pageId!);
    if (!page) return;
    const params = graphParams(ctx);
    const attached = Object.keys(params)
      .filter((key) => /^attached_media\[\d+\]$/.test(key))
      .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
      .map((key) => (JSON.parse(params[key]!) as { media_fbid?: string }).media_fbid ?? '');
    const photos = attached.map((id) => world.objects.get(id));
    if (photos.some((photo) => !photo || photo.kind !== 'photo' || photo.pageId !== page.id || photo.published)) {
      return graphError(ctx, 400, 100, '(#100) attached_media contains a media_fbid that is not an unpublished photo of this Page');
    }
    const message = params.message ?? '';
    if (!message && !photos.length) return graphError(ctx, 400, 100, '(#100) Missing message or attachment');
    const since = Date.now() - DUPLICATE_WINDOW_MS;
    if (message && sim.posts.some((post) => post.author === page.id && post.text === message && post.createdAt.getTime() > since)) {
      return graphError(ctx, 400, 506, '(#506) Duplicate status message', { type: 'OAuthException' });
    }
    for (const photo of photos) photo!.published = true;
    const post = store({ kind: 'post', pageId: page.id, message, published: true }, `${page.id}_${graphId()}`);
    sim.posts.push({ id: post.id, author: page.id, text: message, media: photos.map((photo) => photo!.imageUrl!), createdAt: post.createdAt, extra: { kind: 'post' } });
    ctx.body = { id: post.id };
  });

  router.post(`${API}/:pageId/videos`, (ctx) => {
    const page = actingPage(ctx, sim, world, ctx.params.pageId!);
    if (!page) return;
    const params = graphParams(ctx);
    if (!params.file_url) return graphError(ctx, 400, 100, '(#100) file_url or source is required');
    const video = store({ kind: 'video', pageId: page.id, message: params.description ?? '', published: params.published !== 'false', videoStatus: 'processing', pendingPolls: PROCESSING_POLLS });
    // Facebook fetches the file after answering; the status shows the outcome.
    video.fetching = fetchMedia(params.file_url).then((fetched) => {
      if (!fetched.ok || fetched.kind !== 'video') video.videoStatus = 'error';
    });
    sim.posts.push({ id: video.id, author: page.id, text: video.message, media: [params.file_url], createdAt: video.createdAt, extra: { kind: 'video', title: params.title ?? null } });
    ctx.body = { id: video.id };
  });

  router.post(`${API}/:objectId/comments`, (ctx) => {
    const target = world.objects.get(ctx.params.objectId!);
    if (!target) return graphError(ctx, 404, 100, `(#100) Unsupported post request. Object with ID '${ctx.params.objectId}' does not exist`);
    if (!actingPage(ctx, sim, world, target.pageId)) return;
    const message = graphParams(ctx).message;
    if (!message) return graphError(ctx, 400, 100, '(#100) Missing message');
    target.commentCount++;
    ctx.body = { id: store({ kind: 'comment', pageId: target.pageId, message, published: true }, `${target.id}_${graphId()}`).id };
  });

  for (const [edge, kind, textField] of [
    ['published_posts', 'post', 'message'],
    ['videos', 'video', 'description'],
  ] as const) {
    router.get(`${API}/:pageId/${edge}`, (ctx) => {
      const page = actingPage(ctx, sim, world, ctx.params.pageId!);
      if (!page) return;
      const params = graphParams(ctx);
      const since = params.since ? Number(params.since) * 1000 : 0;
      const limit = Math.min(Number(params.limit ?? 25) || 25, 100);
      const data = [...world.objects.values()]
        .filter((object) => object.pageId === page.id && object.kind === kind && object.published && object.createdAt.getTime() >= since)
        .reverse()
        .slice(0, limit)
        .map((object) => ({ id: object.id, [textField]: object.message, created_time: graphTime(object.createdAt) }));
      ctx.body = { data };
    });
  }
}
