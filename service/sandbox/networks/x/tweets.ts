import { createHash } from 'node:crypto';
import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator, SimPost } from '../kit/types.js';
import { authed, type XWorld, xProblem } from './world.js';

/** X refuses the same text from the same account within this window. */
const DUPLICATE_WINDOW_MS = 24 * 3600_000;

interface CreateBody {
  text?: string;
  media?: { media_ids?: string[] };
  reply?: { in_reply_to_tweet_id?: string };
}

/**
 * Posts: `POST /2/tweets` (text and/or up to 4 media, replies for threads, X's duplicate refusal: a plain
 * 403), `GET /2/tweets/{id}` (public metrics that grow with age; a missing post is a 200 with `errors`,
 * as X answers), the person's timeline `GET /2/users/{id}/tweets` and `GET /2/users/me`.
 */
export function registerXTweets(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory' | 'posts'>, world: XWorld): void {
  router.post(
    '/2/tweets',
    authed(sim, 'tweet.write', (ctx, person) => {
      const body = ((ctx.request as { body?: CreateBody }).body ?? {}) as CreateBody;
      const text = body.text ?? '';
      const mediaIds = body.media?.media_ids ?? [];
      if (!text && mediaIds.length === 0) return xProblem(ctx, 400, 'Invalid Request', 'One or more parameters to your request was invalid: text or media is required.', 'invalid-request');
      for (const id of mediaIds) {
        const upload = world.uploads.get(id);
        if (!upload || upload.owner !== person.id || upload.finalizedAt === null || world.processingState(upload) === 'in_progress') {
          return xProblem(ctx, 400, 'Invalid Request', 'Your media IDs are invalid.', 'invalid-request');
        }
      }
      const replyTo = body.reply?.in_reply_to_tweet_id;
      if (replyTo && !sim.posts.some((post) => post.id === replyTo)) return xProblem(ctx, 400, 'Invalid Request', 'The post you are replying to does not exist.', 'invalid-request');
      const duplicate = text && sim.posts.some((post) => post.author === person.id && post.text === text && Date.now() - post.createdAt.getTime() < DUPLICATE_WINDOW_MS);
      if (duplicate) return xProblem(ctx, 403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
      const id = world.newId();
      const parent = replyTo ? sim.posts.find((candidate) => candidate.id === replyTo) : undefined;
      const post: SimPost = { id, author: person.id, text, media: mediaIds, createdAt: new Date(), extra: { replyTo: replyTo ?? null, conversationId: parent ? conversationOf(parent) : id } };
      sim.posts.push(post);
      ctx.status = 201;
      ctx.body = { data: { id: post.id, text: shownText(post, world), edit_history_tweet_ids: [post.id] } };
    }),
  );

  router.get(
    '/2/tweets/:id',
    authed(sim, 'tweet.read', (ctx) => {
      const post = sim.posts.find((candidate) => candidate.id === ctx.params.id);
      if (!post) {
        ctx.body = { errors: [{ value: ctx.params.id, detail: `Could not find tweet with id: [${ctx.params.id}].`, title: 'Not Found Error', resource_type: 'tweet', parameter: 'id', resource_id: ctx.params.id, type: 'https://api.x.com/2/problems/resource-not-found' }] };
        return;
      }
      const fields = listParam(ctx.query['post.fields']);
      const withMedia = listParam(ctx.query.expansions).includes('attachments.media_keys') && post.media.length > 0;
      const keys = post.media.map((id) => world.uploads.get(id)?.mediaKey ?? id);
      ctx.body = {
        data: { ...postFields(post, fields, world), ...(post.media.length > 0 ? { attachments: { media_keys: keys } } : {}) },
        ...(withMedia ? { includes: { media: keys.map((key) => ({ media_key: key, type: key.startsWith('7_') ? 'video' : 'photo', ...(key.startsWith('7_') ? { public_metrics: { view_count: grown(post, 40) } } : {}) })) } } : {}),
      };
    }),
  );

  router.get(
    '/2/users/me',
    authed(sim, 'users.read', (ctx, person) => {
      const withAvatar = listParam(ctx.query['user.fields']).includes('profile_image_url');
      ctx.body = { data: { id: person.id, name: person.name, username: person.username, ...(withAvatar ? { profile_image_url: person.avatarUrl } : {}) } };
    }),
  );

  router.get(
    '/2/users/:id/tweets',
    authed(sim, 'tweet.read', (ctx) => {
      const start = typeof ctx.query.start_time === 'string' ? Date.parse(ctx.query.start_time) : 0;
      const excludeReplies = listParam(ctx.query.exclude).includes('replies');
      const timeline = sim.posts
        .filter((post) => post.author === ctx.params.id && post.createdAt.getTime() >= start && !(excludeReplies && post.extra?.replyTo))
        .reverse();
      const pageSize = Number(ctx.query.max_results ?? 10);
      const offset = Number(ctx.query.pagination_token ?? 0);
      const page = timeline.slice(offset, offset + pageSize);
      const fields = listParam(ctx.query['post.fields']);
      const more = offset + pageSize < timeline.length;
      ctx.body = {
        ...(page.length > 0 ? { data: page.map((post) => postFields(post, fields, world)) } : {}),
        meta: { result_count: page.length, ...(page.length > 0 ? { newest_id: page[0]!.id, oldest_id: page.at(-1)!.id } : {}), ...(more ? { next_token: String(offset + pageSize) } : {}) },
      };
    }),
  );
}

/** A comma-separated query list (`tweet.fields=a,b`). */
function listParam(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').filter(Boolean) : [];
}

/** A t.co address, the same for the same target in the same post (as X's are stable). */
const tco = (key: string) => `https://t.co/${createHash('sha256').update(key).digest('base64url').slice(0, 10)}`;

/** A URL entity as X describes it (offsets in code points). */
interface UrlEntity {
  start: number;
  end: number;
  url: string;
  expanded_url: string;
  display_url: string;
  media_key?: string;
}

/**
 * The text X shows and its URL entities: every link in what was sent replaced by a t.co address, plus a
 * t.co link to the attached media at the end.
 */
function shown(post: SimPost, world: XWorld): { text: string; urls: UrlEntity[] } {
  const urls: UrlEntity[] = [];
  let text = '';
  let last = 0;
  for (const match of post.text.matchAll(/https?:\/\/\S+/g)) {
    text += post.text.slice(last, match.index);
    const short = tco(`${post.id}:${match[0]}`);
    const start = [...text].length;
    text += short;
    urls.push({ start, end: start + short.length, url: short, expanded_url: match[0], display_url: match[0].replace(/^https?:\/\//, '').slice(0, 25) });
    last = match.index + match[0].length;
  }
  text += post.text.slice(last);
  if (post.media.length > 0) {
    const mediaKey = world.uploads.get(post.media[0]!)?.mediaKey ?? post.id;
    const short = tco(mediaKey);
    if (text) text += ' ';
    const start = [...text].length;
    text += short;
    urls.push({ start, end: start + short.length, url: short, expanded_url: `https://x.com/i/web/status/${post.id}/photo/1`, display_url: 'pic.x.com/media', media_key: mediaKey });
  }
  return { text, urls };
}

const shownText = (post: SimPost, world: XWorld) => shown(post, world).text;

function postFields(post: SimPost, fields: string[], world: XWorld) {
  return {
    id: post.id,
    text: shownText(post, world),
    edit_history_tweet_ids: [post.id],
    ...(fields.includes('entities') && shown(post, world).urls.length > 0 ? { entities: { urls: shown(post, world).urls } } : {}),
    ...(fields.includes('created_at') ? { created_at: post.createdAt.toISOString() } : {}),
    ...(fields.includes('conversation_id') ? { conversation_id: conversationOf(post) } : {}),
    ...(fields.includes('public_metrics')
      ? { public_metrics: { retweet_count: grown(post, 0.5), reply_count: grown(post, 0.3), like_count: grown(post, 2), quote_count: grown(post, 0.1), bookmark_count: grown(post, 0.2), impression_count: grown(post, 50) } }
      : {}),
  };
}

/** The id of the first post of the thread a post belongs to. */
function conversationOf(post: SimPost): string {
  return (post.extra?.conversationId as string | undefined) ?? post.id;
}

/** A count that grows with the post's age (per minute, at `rate`), plus a little per-post noise. */
function grown(post: SimPost, rate: number): number {
  const minutes = (Date.now() - post.createdAt.getTime()) / 60_000;
  const noise = Number.parseInt(post.id.slice(-2), 10) % 5;
  return Math.floor(minutes * rate) + Math.floor(noise * rate) + (rate >= 1 ? 1 : 0);
}
