import type Router from '@koa/router';
import { SANDBOX_ENDPOINTS } from '../../../platforms/settings.js';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { graphPerson } from '../meta/auth.js';
import { graphError, graphFailure } from '../meta/graph-error.js';
import { isFailure, type ContainerWorld } from '../meta/containers.js';
import { graphParams } from '../meta/params.js';
import { readRawBody } from '../meta/raw-body.js';

const PATHS = SANDBOX_ENDPOINTS.instagram;
/** Reference §3 "Limits": 2,200 characters per caption. */
const CAPTION_LIMIT = 2200;

/**
 * Instagram's publishing edges: `POST /{ig-user-id}/media` (image_url, REELS/STORIES/VIDEO with
 * `upload_type=resumable`, carousel items and parents), resumable bytes on the rupload host, and
 * `POST /{ig-user-id}/media_publish?creation_id=…`.
 */
export function registerInstagramMedia(router: Router<AppState>, sim: NetworkSimulator, world: ContainerWorld, baseUrl: string): void {
  router.post(`${PATHS.apiUrl}/:userId/media`, (ctx) => {
    const person = graphPerson(ctx, sim, ctx.params.userId);
    if (!person) return;
    const params = graphParams(ctx);
    const caption = params.caption ?? '';
    if ([...caption].length > CAPTION_LIMIT) return graphError(ctx, 400, 100, 'The caption is too long (maximum 2,200 characters).', { subcode: 2207010 });
    const mediaType = params.media_type ?? (params.image_url ? 'IMAGE' : '');
    const resumable = params.upload_type === 'resumable';
    if (mediaType !== 'CAROUSEL' && !params.image_url && !params.video_url && !resumable) return graphError(ctx, 400, 100, 'The parameter image_url or video_url is required.');
    const created = world.create(person.id, {
      mediaType,
      text: caption,
      imageUrl: params.image_url,
      videoUrl: params.video_url,
      resumable,
      children: params.children ? params.children.split(',') : undefined,
      isCarouselItem: params.is_carousel_item === 'true',
    });
    if (isFailure(created)) return graphFailure(ctx, created);
    ctx.body = resumable ? { id: created.id, uri: `${baseUrl}${PATHS.uploadUrl}/${created.id}` } : { id: created.id };
  });

  router.post(`${PATHS.uploadUrl}/:containerId`, async (ctx) => {
    if (!graphPerson(ctx, sim)) return;
    const size = Number(ctx.get('file_size'));
    if (ctx.get('offset') !== '0' || !Number.isFinite(size)) return graphError(ctx, 400, 100, 'The offset and file_size headers are required.');
    const bytes = await readRawBody(ctx);
    if (!bytes || bytes.length !== size) return graphError(ctx, 400, 100, 'The body does not match file_size.');
    const uploaded = world.upload(ctx.params.containerId!, bytes);
    if (isFailure(uploaded)) return graphFailure(ctx, uploaded);
    ctx.body = { success: true, message: 'Upload successful.' };
  });

  router.post(`${PATHS.apiUrl}/:userId/media_publish`, (ctx) => {
    const person = graphPerson(ctx, sim, ctx.params.userId);
    if (!person) return;
    const published = world.publish(person.id, graphParams(ctx).creation_id);
    if (isFailure(published)) return graphFailure(ctx, published);
    const container = world.containers.get(published.containerId)!;
    const urls = container.mediaType === 'CAROUSEL' ? container.children.map((id) => world.containers.get(id)!.mediaUrl ?? id) : [container.mediaUrl ?? container.id];
    sim.posts.push({ id: published.id, author: person.id, text: published.text, media: urls, createdAt: published.createdAt, extra: { mediaType: container.mediaType, containerId: container.id } });
    ctx.body = { id: published.id };
  });
}
