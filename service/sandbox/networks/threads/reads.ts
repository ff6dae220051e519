import type Router from '@koa/router';
import { SANDBOX_ENDPOINTS } from '../../../platforms/settings.js';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { simulatedEngagement } from '../meta/base.js';
import { graphPerson } from '../meta/auth.js';
import { graphError } from '../meta/graph-error.js';
import type { ContainerWorld, SimMedia } from '../meta/containers.js';
import { graphTime } from '../meta/graph-time.js';
import { graphParams, requestedFields } from '../meta/params.js';

const API = SANDBOX_ENDPOINTS.threads.apiUrl;
const METRICS = new Set(['views', 'likes', 'replies', 'reposts', 'quotes', 'shares']);

/** Threads reads: the profile, a container's status, a post's fields, newest posts and replies, insights. */
export function registerThreadsReads(router: Router<AppState>, sim: NetworkSimulator, world: ContainerWorld, baseUrl: string): void {
  const describe = (post: SimMedia, fields: Set<string>) => ({
    id: post.id,
    ...(fields.has('text') ? { text: post.text } : {}),
    ...(fields.has('timestamp') ? { timestamp: graphTime(post.createdAt) } : {}),
    ...(fields.has('permalink') ? { permalink: `${baseUrl}/@post/${post.id}` } : {}),
    ...(fields.has('media_type') ? { media_type: post.mediaType === 'TEXT' ? 'TEXT_POST' : post.mediaType === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : post.mediaType } : {}),
  });

  router.get(`${API}/me`, (ctx) => {
    const person = graphPerson(ctx, sim);
    if (!person) return;
    const fields = requestedFields(graphParams(ctx).fields || 'id');
    const all: Record<string, unknown> = { id: person.id, username: person.username, name: person.name, threads_profile_picture_url: person.avatarUrl, threads_biography: '' };
    ctx.body = Object.fromEntries(Object.entries(all).filter(([name]) => name === 'id' || fields.has(name)));
  });

  for (const [edge, replies] of [
    ['threads', false],
    ['replies', true],
  ] as const) {
    router.get(`${API}/:userId/${edge}`, (ctx) => {
      const person = graphPerson(ctx, sim, ctx.params.userId);
      if (!person) return;
      const params = graphParams(ctx);
      const fields = requestedFields(params.fields || 'id');
      const newest = [...world.media.values()].filter((post) => post.owner === person.id && Boolean(post.extra.replyTo) === replies).reverse();
      ctx.body = { data: newest.slice(0, Math.min(Number(params.limit ?? 25) || 25, 100)).map((post) => describe(post, fields)) };
    });
  }

  router.get(`${API}/:mediaId/insights`, (ctx) => {
    const post = world.media.get(ctx.params.mediaId!);
    if (!graphPerson(ctx, sim, post?.owner)) return;
    if (!post) return graphError(ctx, 400, 100, `Object with ID '${ctx.params.mediaId}' does not exist`);
    const metrics = (graphParams(ctx).metric ?? '').split(',').filter(Boolean);
    if (!metrics.length || metrics.some((metric) => !METRICS.has(metric))) return graphError(ctx, 400, 100, `Param metric must be a list of: ${[...METRICS].join(', ')}`, { type: 'THApiException' });
    const numbers = simulatedEngagement(post.id);
    const replies = [...world.media.values()].filter((each) => each.extra.replyTo === post.id).length;
    const value = (metric: string) => ({ views: numbers.views, likes: numbers.likes, replies, reposts: numbers.shares, quotes: numbers.comments % 3, shares: numbers.shares })[metric] ?? 0;
    ctx.body = { data: metrics.map((name) => ({ name, period: 'lifetime', values: [{ value: value(name) }], title: name, id: `${post.id}/insights/${name}/lifetime` })) };
  });

  router.get(`${API}/:objectId`, async (ctx) => {
    const fields = requestedFields(graphParams(ctx).fields || 'id');
    const post = world.media.get(ctx.params.objectId!);
    const container = post ? undefined : world.containers.get(ctx.params.objectId!);
    if (!graphPerson(ctx, sim, post?.owner ?? container?.owner)) return;
    if (post) return void (ctx.body = describe(post, fields));
    if (!container) return graphError(ctx, 400, 100, `Object with ID '${ctx.params.objectId}' does not exist`);
    await world.read(container.id);
    ctx.body = { id: container.id, ...(fields.has('status') ? { status: container.state } : {}), ...(fields.has('error_message') && container.detail ? { error_message: container.detail } : {}) };
  });
}
