import type Router from '@koa/router';
import type { Context } from 'koa';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import type { MultipartFields } from './multipart.js';
import { authed, UPLOAD_TTL_SECONDS, type SimUpload, type XWorld, xProblem } from './world.js';

/**
 * X's chunked media upload (`/2/media/upload/initialize`, `/{id}/append`, `/{id}/finalize`) and its
 * status read (`GET /2/media/upload?command=STATUS&media_id=…`). Videos and GIFs are "processed" for
 * `world.videoProcessingMs` after finalize: in_progress, then succeeded, as X reports them.
 */
export function registerXMedia(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory'>, world: XWorld): void {
  const ownUpload = (ctx: Context, owner: string, id: string): SimUpload | null => {
    const upload = world.uploads.get(id);
    if (upload && upload.owner === owner && upload.expiresAt > Date.now()) return upload;
    xProblem(ctx, 400, 'Invalid Request', `Media id ${id} is not a live upload of this account.`, 'invalid-request');
    return null;
  };

  router.post(
    '/2/media/upload/initialize',
    authed(sim, 'media.write', (ctx, person) => {
      const body = (ctx.request as { body?: { media_type?: string; total_bytes?: number; media_category?: string } }).body ?? {};
      if (!body.media_type || !body.total_bytes) return xProblem(ctx, 400, 'Invalid Request', 'media_type and total_bytes are required.', 'invalid-request');
      const id = world.newId();
      const category = body.media_category ?? (body.media_type.startsWith('video/') ? 'tweet_video' : 'tweet_image');
      world.uploads.set(id, {
        id,
        mediaKey: `${category === 'tweet_image' ? 3 : 7}_${id}`,
        owner: person.id,
        mediaType: body.media_type,
        category,
        totalBytes: body.total_bytes,
        segments: new Map(),
        finalizedAt: null,
        expiresAt: Date.now() + UPLOAD_TTL_SECONDS * 1000,
      });
      ctx.body = { data: { id, media_key: world.uploads.get(id)!.mediaKey, expires_after_secs: UPLOAD_TTL_SECONDS } };
    }),
  );

  router.post(
    '/2/media/upload/:id/append',
    authed(sim, 'media.write', (ctx, person) => {
      const upload = ownUpload(ctx, person.id, ctx.params.id!);
      if (!upload) return;
      const fields = (ctx.state.multipart ?? {}) as MultipartFields;
      const media = fields.media;
      const index = Number(fields.segment_index);
      if (!Buffer.isBuffer(media) || !Number.isInteger(index)) return xProblem(ctx, 400, 'Invalid Request', 'media (a file part) and segment_index are required.', 'invalid-request');
      if (upload.finalizedAt !== null) return xProblem(ctx, 400, 'Invalid Request', 'This upload is already finalized.', 'invalid-request');
      upload.segments.set(index, media.length);
      ctx.body = { data: { expires_at: Math.floor(upload.expiresAt / 1000) } };
    }),
  );

  router.post(
    '/2/media/upload/:id/finalize',
    authed(sim, 'media.write', (ctx, person) => {
      const upload = ownUpload(ctx, person.id, ctx.params.id!);
      if (!upload) return;
      const received = [...upload.segments.values()].reduce((sum, bytes) => sum + bytes, 0);
      if (received !== upload.totalBytes) {
        return xProblem(ctx, 400, 'Invalid Request', `File size mismatch: total_bytes was ${upload.totalBytes}, ${received} bytes were appended.`, 'invalid-request');
      }
      upload.finalizedAt ??= Date.now();
      const state = world.processingState(upload);
      ctx.body = { data: { ...describe(upload), ...(state ? { processing_info: { state: 'pending', check_after_secs: 1 } } : {}) } };
    }),
  );

  router.get(
    '/2/media/upload',
    authed(sim, 'media.write', (ctx, person) => {
      const upload = ownUpload(ctx, person.id, String(ctx.query.media_id ?? ''));
      if (!upload) return;
      const state = upload.finalizedAt === null ? 'pending' : world.processingState(upload);
      const processing = state === null ? {} : { processing_info: state === 'succeeded' ? { state, progress_percent: 100 } : { state, check_after_secs: 1, progress_percent: 50 } };
      ctx.body = { data: { ...describe(upload), ...processing } };
    }),
  );
}

function describe(upload: SimUpload) {
  return { id: upload.id, media_key: upload.mediaKey, size: upload.totalBytes, expires_after_secs: Math.max(0, Math.floor((upload.expiresAt - Date.now()) / 1000)) };
}
