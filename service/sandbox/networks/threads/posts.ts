import type Router from '@koa/router';
import { SANDBOX_ENDPOINTS } from '../../../platforms/settings.js';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { graphPerson } from '../meta/auth.js';
import { graphError, graphFailure } from '../meta/graph-error.js';
import { isFailure, type ContainerWorld } from '../meta/containers.js';
import { graphParams } from '../meta/params.js';

const API = SANDBOX_ENDPOINTS.threads.apiUrl;
/** Reference §5 "Limits": 500 characters, an emoji counting as its UTF-8 byte length. */
const TEXT_LIMIT = 500;

/** Threads' length: one per character, except emoji, which count their UTF-8 bytes. */
export function threadsLength(text: string): number {
  let length = 0;
  for (const char of text) length += /\p{Extended_Pictographic}/u.test(char) ? Buffer.byteLength(char) : 1;
  return length;
}

/**
 * `POST /{threads-user-id}/threads` (TEXT, IMAGE, VIDEO, carousel items and CAROUSEL, `reply_to_id`
 * chaining a thread) and `POST /{threads-user-id}/threads_publish?creation_id=…`.
 */
export function registerThreadsPosts(router: Router<AppState>, sim: NetworkSimulator, world: ContainerWorld): void {
  router.post(`${API}/:userId/threads`, (ctx) => {
    const person = graphPerson(ctx, sim, ctx.params.userId);
    if (!person) return;
    const params = graphParams(ctx);
    const text = params.text ?? '';
    if (threadsLength(text) > TEXT_LIMIT) return graphError(ctx, 400, 100, `Param text must be at most ${TEXT_LIMIT} characters long.`, { type: 'THApiException' });
    const mediaType = params.media_type ?? '';
    if (!['TEXT', 'IMAGE', 'VIDEO', 'CAROUSEL'].includes(mediaType)) return graphError(ctx, 400, 100, 'Param media_type must be one of TEXT, IMAGE, VIDEO, CAROUSEL.', { type: 'THApiException' });
    if (mediaType === 'TEXT' && !text) return graphError(ctx, 400, 100, 'Param text is required for TEXT posts.', { type: 'THApiException' });
    if (params.reply_to_id && !world.media.has(params.reply_to_id)) return graphError(ctx, 400, 100, `Object with ID '${params.reply_to_id}' does not exist`, { type: 'THApiException' });
    const created = world.create(person.id, {
      mediaType,
      text,
      imageUrl: mediaType === 'IMAGE' ? params.image_url : undefined,
      videoUrl: mediaType === 'VIDEO' ? params.video_url : undefined,
      children: params.children ? params.children.split(',') : undefined,
      isCarouselItem: params.is_carousel_item === 'true',
      extra: params.reply_to_id ? { replyTo: params.reply_to_id } : {},
    });
    if (isFailure(created)) return graphFailure(ctx, created);
    ctx.body = { id: created.id };
  });

  router.post(`${API}/:userId/threads_publish`, (ctx) => {
    const person = graphPerson(ctx, sim, ctx.params.userId);
    if (!person) return;
    const published = world.publish(person.id, graphParams(ctx).creation_id);
    if (isFailure(published)) return graphFailure(ctx, published);
    const container = world.containers.get(published.containerId)!;
    const urls = container.mediaType === 'CAROUSEL' ? container.children.map((id) => world.containers.get(id)!.mediaUrl ?? id) : container.mediaUrl ? [container.mediaUrl] : [];
    sim.posts.push({ id: published.id, author: person.id, text: published.text, media: urls, createdAt: published.createdAt, extra: { mediaType: container.mediaType, ...container.extra } });
    ctx.body = { id: published.id };
  });
}
