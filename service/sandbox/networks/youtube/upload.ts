import { createHash, randomBytes } from 'node:crypto';
import type Router from '@koa/router';
import type { Context } from 'koa';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { authed } from './auth.js';
import { videoJson } from './videos.js';
import { channelIdOf, googleError, newVideoId, type UploadSession } from './world.js';

const UPLOAD_PATH = '/upload/youtube/v3/videos';

/**
 * videos.insert with the resumable protocol: `POST …/videos?uploadType=resumable` (the video resource
 * as JSON, X-Upload-Content-Length/-Type) answers the session URI in Location; `PUT {session}` with
 * `Content-Range: bytes a-b/total` takes the bytes in order (308 + Range while incomplete, 200 with
 * the video when the last byte arrives); `PUT` with `bytes *\/total` and no body probes. The same bytes
 * uploaded again to the same channel become a video rejected as a duplicate, as YouTube does.
 */
export function registerUpload(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory' | 'posts'>, baseUrl: string): void {
  const sessions = new Map<string, UploadSession>();
  const hashes = new Map<string, string>(); // channel + content hash → first video id

  router.post(
    UPLOAD_PATH,
    authed(sim, (ctx, person) => {
      const total = Number(ctx.get('x-upload-content-length'));
      if (ctx.query.uploadType !== 'resumable' || !Number.isInteger(total) || total <= 0) {
        return googleError(ctx, 400, 'mediaBodyRequired', 'The request does not include the video content; start a resumable upload with X-Upload-Content-Length.');
      }
      const resource = ((ctx.request as { body?: unknown }).body ?? {}) as UploadSession['resource'];
      if (!resource.snippet?.title) return googleError(ctx, 400, 'invalidTitle', 'The request metadata specifies an invalid or empty video title.');
      const id = randomBytes(16).toString('base64url');
      sessions.set(id, { id, channelId: channelIdOf(person), total, mimeType: ctx.get('x-upload-content-type'), received: 0, hash: createHash('sha256'), resource, videoId: null });
      ctx.set('location', `${baseUrl}${UPLOAD_PATH}?uploadType=resumable&upload_id=${id}`);
      ctx.body = '';
    }),
  );

  router.put(UPLOAD_PATH, async (ctx) => {
    const session = sessions.get(String(ctx.query.upload_id ?? ''));
    if (!session) return googleError(ctx, 404, 'notFound', 'The upload session does not exist or has expired.');
    const range = ctx.get('content-range');
    if (range.startsWith('bytes */')) return answer(ctx, session);
    const [, first, last, total] = range.match(/^bytes (\d+)-(\d+)\/(\d+)$/) ?? [];
    if (first === undefined || Number(total) !== session.total || Number(first) !== session.received) {
      return googleError(ctx, 400, 'badContent', `Content-Range must continue at byte ${session.received} of ${session.total}.`);
    }
    let length = 0;
    for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
      session.hash.update(chunk);
      length += chunk.length;
    }
    if (length !== Number(last) - Number(first) + 1) return googleError(ctx, 400, 'badContent', 'The body length does not match Content-Range.');
    session.received += length;
    if (session.received === session.total) finish(session);
    return answer(ctx, session);
  });

  function finish(session: UploadSession): void {
    const key = `${session.channelId}:${session.hash.digest('hex')}`;
    const original = hashes.get(key);
    session.videoId = newVideoId();
    if (!original) hashes.set(key, session.videoId);
    const status = { privacyStatus: 'private', ...session.resource.status, uploadStatus: original ? 'rejected' : 'uploaded', ...(original ? { rejectionReason: 'duplicate' } : {}) };
    sim.posts.push({
      id: session.videoId,
      author: session.channelId,
      text: String(session.resource.snippet?.description ?? ''),
      media: [`upload:${session.total}`],
      createdAt: new Date(),
      extra: { snippet: session.resource.snippet ?? {}, status, statusReads: 0 },
    });
  }

  function answer(ctx: Context, session: UploadSession): void {
    if (session.videoId) {
      ctx.status = 200;
      ctx.body = videoJson(sim.posts.find((post) => post.id === session.videoId)!, ['snippet', 'status']);
      return;
    }
    ctx.status = 308;
    if (session.received > 0) ctx.set('range', `bytes=0-${session.received - 1}`);
    ctx.body = '';
  }
}
