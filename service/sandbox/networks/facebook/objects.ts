import type Router from '@koa/router';
import { SANDBOX_ENDPOINTS } from '../../../platforms/settings.js';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { simulatedEngagement } from '../meta/base.js';
import { graphError } from '../meta/graph-error.js';
import { graphParams, requestedFields } from '../meta/params.js';
import { actingPage } from './pages.js';
import { graphTime } from '../meta/graph-time.js';
import type { FacebookWorld, FbObject } from './world.js';

const API = SANDBOX_ENDPOINTS.facebook.apiUrl;

/**
 * Reading a Page object by id: the fields adapters ask for (permalink_url, a video's `status`, reaction
 * and comment summaries, shares) and `/insights` with `post_media_view`. Reading a video's status
 * advances its processing, as time would.
 */
export function registerFacebookObjects(router: Router<AppState>, sim: NetworkSimulator, world: FacebookWorld, baseUrl: string): void {
  router.get(`${API}/:objectId/insights`, (ctx) => {
    const object = world.objects.get(ctx.params.objectId!);
    if (!object) return graphError(ctx, 404, 100, `(#100) Object with ID '${ctx.params.objectId}' does not exist`);
    if (!actingPage(ctx, sim, world, object.pageId)) return;
    const metrics = (graphParams(ctx).metric ?? '').split(',').filter(Boolean);
    const unknown = metrics.find((metric) => metric !== 'post_media_view');
    if (unknown || object.kind !== 'post') return graphError(ctx, 400, 100, `(#100) The value must be a valid insights metric: ${unknown ?? metrics.join(',')}`);
    ctx.body = { data: [{ name: 'post_media_view', period: 'lifetime', values: [{ value: simulatedEngagement(object.id).views }], id: `${object.id}/insights/post_media_view/lifetime` }] };
  });

  router.get(`${API}/:objectId`, async (ctx) => {
    const object = world.objects.get(ctx.params.objectId!);
    if (!object) return graphError(ctx, 404, 100, `(#100) Object with ID '${ctx.params.objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`);
    if (!actingPage(ctx, sim, world, object.pageId)) return;
    const fields = requestedFields(graphParams(ctx).fields);
    const body: Record<string, unknown> = { id: object.id };
    if (fields.has('status') && object.kind === 'video') body.status = { video_status: await advanceVideo(object) };
    if (fields.has('permalink_url')) body.permalink_url = object.kind === 'video' ? `/${object.pageId}/videos/${object.id}/` : `${baseUrl}/posts/${object.id}`;
    if (fields.has('message')) body.message = object.message;
    if (fields.has('created_time')) body.created_time = graphTime(object.createdAt);
    const engagement = simulatedEngagement(object.id);
    if (fields.has('reactions')) body.reactions = { data: [], summary: { total_count: engagement.likes } };
    if (fields.has('comments')) body.comments = { data: [], summary: { total_count: object.commentCount } };
    if (fields.has('shares') && engagement.shares > 0) body.shares = { count: engagement.shares };
    ctx.body = body;
  });
}

async function advanceVideo(video: FbObject): Promise<string> {
  await video.fetching;
  if (video.videoStatus !== 'processing') return video.videoStatus!;
  if ((video.pendingPolls ?? 0) > 0) {
    video.pendingPolls!--;
    return 'processing';
  }
  video.videoStatus = 'ready';
  return 'ready';
}
