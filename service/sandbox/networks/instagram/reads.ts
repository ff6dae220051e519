import type Router from '@koa/router';
import { SANDBOX_ENDPOINTS } from '../../../platforms/settings.js';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { simulatedEngagement } from '../meta/base.js';
import { graphPerson } from '../meta/auth.js';
import { graphError } from '../meta/graph-error.js';
import type { ContainerWorld, SimMedia } from '../meta/containers.js';
import { graphParams, requestedFields } from '../meta/params.js';
import { graphTime } from '../meta/graph-time.js';

const API = SANDBOX_ENDPOINTS.instagram.apiUrl;
/** Media insights Instagram still serves (v22.0 retired impressions and plays). */
const MEDIA_METRICS = new Set(['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions']);

/**
 * Instagram reads: the profile (`/me`), a container's `status_code`/`status`, a media's fields, the
 * account's newest media, media insights, and comments on media.
 */
export function registerInstagramReads(router: Router<AppState>, sim: NetworkSimulator, world: ContainerWorld, baseUrl: string): void {
  const permalink = (media: SimMedia) => `${baseUrl}/p/${media.id}/`;
  const describe = (media: SimMedia, fields: Set<string>) => {
    const body: Record<string, unknown> = { id: media.id };
    if (fields.has('caption')) body.caption = media.text;
    if (fields.has('timestamp')) body.timestamp = graphTime(media.createdAt);
    if (fields.has('permalink')) body.permalink = permalink(media);
    if (fields.has('media_type')) body.media_type = media.mediaType === 'REELS' ? 'VIDEO' : media.mediaType === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : media.mediaType;
    if (fields.has('like_count')) body.like_count = simulatedEngagement(media.id).likes;
    if (fields.has('comments_count')) body.comments_count = media.commentCount;
    return body;
  };

  router.get(`${API}/me`, (ctx) => {
    const person = graphPerson(ctx, sim);
    if (!person) return;
    const fields = requestedFields(graphParams(ctx).fields || 'id');
    const all: Record<string, unknown> = { id: person.id, user_id: person.id, username: person.username, name: person.name, profile_picture_url: person.avatarUrl, account_type: 'BUSINESS' };
    ctx.body = Object.fromEntries(Object.entries(all).filter(([name]) => name === 'id' || fields.has(name)));
  });

  router.get(`${API}/:userId/media`, (ctx) => {
    const person = graphPerson(ctx, sim, ctx.params.userId);
    if (!person) return;
    const params = graphParams(ctx);
    const fields = requestedFields(params.fields || 'id');
    const newest = [...world.media.values()].filter((media) => media.owner === person.id && media.mediaType !== 'STORIES').reverse();
    ctx.body = { data: newest.slice(0, Math.min(Number(params.limit ?? 25) || 25, 100)).map((media) => describe(media, fields)) };
  });

  router.get(`${API}/:mediaId/insights`, (ctx) => {
    const media = world.media.get(ctx.params.mediaId!);
    const person = graphPerson(ctx, sim, media?.owner);
    if (!person) return;
    if (!media) return graphError(ctx, 400, 100, `Object with ID '${ctx.params.mediaId}' does not exist`);
    const metrics = (graphParams(ctx).metric ?? '').split(',').filter(Boolean);
    const invalid = metrics.find((metric) => !MEDIA_METRICS.has(metric));
    if (invalid || !metrics.length) return graphError(ctx, 400, 100, `(#100) metric[0] must be one of the following values: ${[...MEDIA_METRICS].join(', ')}`);
    const numbers = simulatedEngagement(media.id);
    const value = (metric: string) => ({ views: numbers.views, reach: Math.round(numbers.views * 0.8), likes: numbers.likes, comments: media.commentCount, shares: numbers.shares })[metric] ?? 0;
    ctx.body = { data: metrics.map((name) => ({ name, period: 'lifetime', values: [{ value: value(name) }], id: `${media.id}/insights/${name}/lifetime` })) };
  });

  router.post(`${API}/:mediaId/comments`, (ctx) => {
    const media = world.media.get(ctx.params.mediaId!);
    if (!graphPerson(ctx, sim, media?.owner)) return;
    if (!media) return graphError(ctx, 400, 100, `Object with ID '${ctx.params.mediaId}' does not exist`);
    if (!graphParams(ctx).message) return graphError(ctx, 400, 100, 'The parameter message is required.');
    media.commentCount++;
    ctx.body = { id: `${media.id}${media.commentCount}` };
  });

  router.get(`${API}/:objectId`, async (ctx) => {
    const fields = requestedFields(graphParams(ctx).fields || 'id');
    const media = world.media.get(ctx.params.objectId!);
    const container = media ? undefined : world.containers.get(ctx.params.objectId!);
    if (!graphPerson(ctx, sim, media?.owner ?? container?.owner)) return;
    if (media) return void (ctx.body = describe(media, fields));
    if (!container) return graphError(ctx, 400, 100, `Object with ID '${ctx.params.objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`);
    await world.read(container.id);
    ctx.body = { id: container.id, ...(fields.has('status_code') ? { status_code: container.state } : {}), ...(fields.has('status') ? { status: container.detail ? `Error: ${container.detail}` : container.state === 'IN_PROGRESS' ? 'In Progress' : 'Finished' } : {}) };
  });
}
