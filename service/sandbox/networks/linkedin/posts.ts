import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator, SimPost } from '../kit/types.js';
import { authed, type LinkedInWorld, linkedInError, mayActAs } from './world.js';

/** LinkedIn refuses the same commentary from the same author within this window. */
const DUPLICATE_WINDOW_MS = 24 * 3600_000;

interface PostBody {
  author?: string;
  commentary?: string;
  visibility?: string;
  lifecycleState?: string;
  distribution?: unknown;
  content?: { media?: { id?: string; title?: string }; multiImage?: { images?: Array<{ id?: string }> } };
}

/**
 * The Posts API (`POST /rest/posts` → 201 with the URN in `x-restli-id`; 422 DUPLICATE_POST naming the
 * live post; `GET /rest/posts?q=author`), first comments (`POST /rest/socialActions/{urn}/comments`),
 * reactions and comments counts (`GET /rest/socialActions/{urn}`) and a Page's share statistics.
 */
export function registerLinkedInPosts(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory' | 'posts'>, world: LinkedInWorld): void {
  router.post(
    '/api/rest/posts',
    authed(sim, (ctx, person, scopes) => {
      const body = ((ctx.request as { body?: PostBody }).body ?? {}) as PostBody;
      if (!mayActAs(ctx, world, person, scopes, body.author)) return;
      if (typeof body.commentary !== 'string' || !body.visibility || body.lifecycleState !== 'PUBLISHED' || !body.distribution) {
        return linkedInError(ctx, 422, 'UNPROCESSABLE_ENTITY', 'author, commentary, visibility, distribution and lifecycleState PUBLISHED are required.');
      }
      const mediaUrns = body.content?.multiImage?.images?.map((image) => image.id ?? '') ?? (body.content?.media?.id ? [body.content.media.id] : []);
      for (const urn of mediaUrns) {
        const asset = world.assets.get(urn);
        if (!asset || asset.owner !== body.author || world.statusOf(asset) !== 'AVAILABLE') {
          return linkedInError(ctx, 400, 'ILLEGAL_ARGUMENT', `Media ${urn} is not AVAILABLE for ${body.author}.`);
        }
      }
      const duplicate = body.commentary && sim.posts.find((post) => post.author === body.author && post.text === body.commentary && Date.now() - post.createdAt.getTime() < DUPLICATE_WINDOW_MS);
      if (duplicate) return linkedInError(ctx, 422, 'DUPLICATE_POST', `Content is a duplicate of ${duplicate.id}`);
      const post: SimPost = { id: `urn:li:share:${world.newNumber()}`, author: body.author!, text: body.commentary, media: mediaUrns, createdAt: new Date(), extra: { visibility: body.visibility } };
      sim.posts.push(post);
      ctx.status = 201;
      ctx.set('x-restli-id', post.id);
    }),
  );

  router.get(
    '/api/rest/posts',
    authed(sim, (ctx, person, scopes) => {
      if (ctx.query.q !== 'author') return linkedInError(ctx, 400, 'ILLEGAL_ARGUMENT', 'Unsupported finder.');
      const author = String(ctx.query.author ?? '');
      const own = author === `urn:li:person:${person.id}` ? scopes.includes('w_member_social') : author === world.organizationOf(person).urn && scopes.includes('r_organization_social');
      if (!own) return linkedInError(ctx, 403, 'ACCESS_DENIED', 'Not enough permissions to access: posts.FINDER-author');
      const count = Math.min(Number(ctx.query.count ?? 10), 100);
      const mine = sim.posts.filter((post) => post.author === author).reverse();
      ctx.body = {
        paging: { start: 0, count, total: mine.length },
        elements: mine.slice(0, count).map((post) => ({
          id: post.id,
          author: post.author,
          commentary: post.text,
          visibility: post.extra?.visibility ?? 'PUBLIC',
          lifecycleState: 'PUBLISHED',
          createdAt: post.createdAt.getTime(),
          publishedAt: post.createdAt.getTime(),
          lastModifiedAt: post.createdAt.getTime(),
        })),
      };
    }),
  );

  router.post(
    '/api/rest/socialActions/:urn/comments',
    authed(sim, (ctx, person, scopes) => {
      const body = ((ctx.request as { body?: { actor?: string; object?: string; message?: { text?: string } } }).body ?? {}) as { actor?: string; message?: { text?: string } };
      if (!mayActAs(ctx, world, person, scopes, body.actor)) return;
      if (!sim.posts.some((post) => post.id === ctx.params.urn)) return linkedInError(ctx, 404, 'NOT_FOUND', `${ctx.params.urn} does not exist.`);
      const urn = `urn:li:comment:(${ctx.params.urn},${world.newNumber()})`;
      const list = world.comments.get(ctx.params.urn!) ?? [];
      list.push({ urn, actor: body.actor!, text: body.message?.text ?? '' });
      world.comments.set(ctx.params.urn!, list);
      ctx.status = 201;
      ctx.set('x-restli-id', urn);
      ctx.body = { id: urn, actor: body.actor, object: ctx.params.urn, message: body.message };
    }),
  );

  router.get(
    '/api/rest/socialActions/:urn',
    authed(sim, (ctx) => {
      const post = sim.posts.find((candidate) => candidate.id === ctx.params.urn);
      if (!post) return linkedInError(ctx, 404, 'NOT_FOUND', `${ctx.params.urn} does not exist.`);
      const comments = world.comments.get(post.id)?.length ?? 0;
      ctx.body = { target: post.id, likesSummary: { totalLikes: grown(post, 1), likedByCurrentUser: false }, commentsSummary: { totalFirstLevelComments: comments, aggregatedTotalComments: comments } };
    }),
  );

  router.get(
    '/api/rest/organizationalEntityShareStatistics',
    authed(sim, (ctx, person, scopes) => {
      const organization = world.organizationOf(person);
      if (ctx.query.organizationalEntity !== organization.urn || !scopes.includes('r_organization_social')) {
        return linkedInError(ctx, 403, 'ACCESS_DENIED', 'Not enough permissions to access: organizationalEntityShareStatistics.FINDER-organizationalEntity');
      }
      // Rest.li 2.0: shares=List(urn%3Ali%3Ashare%3A1,…) — read from the raw query, where the list syntax survives.
      const raw = new URLSearchParams(ctx.querystring.replace(/\+/g, '%2B')).get('shares') ?? new URLSearchParams(ctx.querystring).get('ugcPosts') ?? '';
      const urns = (/^List\((.*)\)$/.exec(raw)?.[1] ?? '').split(',').filter(Boolean).map(decodeURIComponent);
      const posts = sim.posts.filter((post) => urns.includes(post.id) && post.author === organization.urn);
      ctx.body = {
        paging: { start: 0, count: 10 },
        elements: posts.map((post) => ({
          organizationalEntity: organization.urn,
          share: post.id,
          totalShareStatistics: { impressionCount: grown(post, 40), uniqueImpressionsCount: grown(post, 30), clickCount: grown(post, 2), likeCount: grown(post, 1), commentCount: world.comments.get(post.id)?.length ?? 0, shareCount: grown(post, 0.2), engagement: 0.05 },
        })),
      };
    }),
  );
}

/** A count that grows with the post's age (per minute, at `rate`), starting above zero. */
function grown(post: SimPost, rate: number): number {
  return Math.floor(((Date.now() - post.createdAt.getTime()) / 60_000) * rate) + Math.ceil(rate);
}
