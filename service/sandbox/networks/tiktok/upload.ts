import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { tiktokError, type SimPublish } from './world.js';

/**
 * The upload host: `PUT /upload/video/?upload_id&upload_token` with `Content-Range: bytes a-b/total`,
 * chunks in order (206 while partial, 201 when complete). The last byte hands the video to TikTok:
 * the post then exists (it completes moderation on a later status read).
 */
export function registerUpload(router: Router<AppState>, sim: Pick<NetworkSimulator, 'posts'>, publishes: Map<string, SimPublish>, newPostId: () => string): void {
  router.put('/upload/video/', async (ctx) => {
    const publish = [...publishes.values()].find((candidate) => candidate.uploadId === ctx.query.upload_id && candidate.uploadToken === ctx.query.upload_token);
    if (!publish || publish.postId) return tiktokError(ctx, 404, 'invalid_upload_url', 'The upload URL is invalid or expired.');
    const [, first, last, total] = ctx.get('content-range').match(/^bytes (\d+)-(\d+)\/(\d+)$/) ?? [];
    if (first === undefined || Number(total) !== publish.videoSize || Number(first) !== publish.uploadedBytes) {
      return tiktokError(ctx, 416, 'invalid_file_upload', `Content-Range must continue at byte ${publish.uploadedBytes} of ${publish.videoSize}.`);
    }
    let length = 0;
    for await (const chunk of ctx.req as AsyncIterable<Buffer>) length += chunk.length;
    const lastChunk = publish.uploadedBytes + length === publish.videoSize;
    if (length !== Number(last) - Number(first) + 1 || (!lastChunk && length !== publish.chunkSize)) {
      return tiktokError(ctx, 400, 'invalid_file_upload', 'The chunk does not match Content-Range and chunk_size.');
    }
    publish.uploadedBytes += length;
    if (!lastChunk) {
      ctx.status = 206;
      return;
    }
    publish.postId = newPostId();
    sim.posts.push({ id: publish.postId, author: publish.openId, text: publish.title, media: [`upload:${publish.videoSize}`], createdAt: new Date(), extra: { publishId: publish.publishId, privacyLevel: publish.privacyLevel } });
    ctx.status = 201;
  });
}
