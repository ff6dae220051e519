import { readChunks } from '../lib/chunks.js';
import { PlatformError } from '../lib/errors.js';
import { retryRead, sleep } from '../lib/poll.js';
import type { PlatformContext, PublishMedia } from '../types.js';
import { xUpload } from './api.js';

/** X's documented segment size for chunked uploads. */
const SEGMENT_BYTES = 1024 * 1024;
/** How long one attempt waits for X to process a video before handing back (the next attempt resumes polling). */
const PROCESSING_BUDGET_MS = 5 * 60_000;

/** An uploaded medium as the checkpoint keeps it, so a resumed attempt does not upload it again. */
export interface UploadedXMedia {
  mediaId: string;
  /** X forgets an upload after `expires_after_secs`; an older one is uploaded again. */
  expiresAt: string;
}

interface ProcessingInfo {
  state?: 'pending' | 'in_progress' | 'failed' | 'succeeded';
  check_after_secs?: number;
}

interface MediaAnswer {
  data: { id: string; expires_after_secs?: number; processing_info?: ProcessingInfo };
}

function mediaCategory(media: PublishMedia): string {
  if (media.mimeType === 'image/gif') return 'tweet_gif';
  return media.kind === 'video' ? 'tweet_video' : 'tweet_image';
}

/**
 * Uploads one medium with X's chunked flow (initialize → append 1 MB segments → finalize), which X takes
 * for images as well as videos, so there is one path. `onUploaded` is called with the media id as soon
 * as X has the bytes, before waiting for processing, so a resumed attempt only polls.
 */
export async function uploadXMedia(ctx: PlatformContext, accessToken: string, media: PublishMedia, onUploaded: (uploaded: UploadedXMedia) => Promise<void>): Promise<string> {
  const init = await ctx.http.request({
    method: 'POST',
    url: xUpload(ctx, '/media/upload/initialize'),
    bearer: accessToken,
    json: { media_type: media.mimeType, total_bytes: media.sizeBytes, media_category: mediaCategory(media) },
  });
  const { id, expires_after_secs: expiresAfter = 86_400 } = (init.json as MediaAnswer).data;
  let segmentIndex = 0;
  for await (const chunk of readChunks(await media.open(), SEGMENT_BYTES)) {
    const form = new FormData();
    form.set('segment_index', String(segmentIndex++));
    form.set('media', new Blob([new Uint8Array(chunk)], { type: 'application/octet-stream' }), media.filename ?? 'media');
    await ctx.http.request({ method: 'POST', url: xUpload(ctx, `/media/upload/${id}/append`), bearer: accessToken, body: form, timeoutMs: 120_000 });
  }
  const finalized = await ctx.http.request({ method: 'POST', url: xUpload(ctx, `/media/upload/${id}/finalize`), bearer: accessToken });
  await onUploaded({ mediaId: id, expiresAt: new Date(Date.now() + expiresAfter * 1000).toISOString() });
  await waitForProcessing(ctx, accessToken, id, (finalized.json as MediaAnswer).data.processing_info);
  return id;
}

/**
 * Waits until X has processed an upload (videos and GIFs; images need none). Status polls are read-only,
 * so each is retried on a transient failure.
 */
export async function waitForProcessing(ctx: PlatformContext, accessToken: string, mediaId: string, info: ProcessingInfo | undefined): Promise<void> {
  const deadline = Date.now() + PROCESSING_BUDGET_MS;
  let current = info;
  while (current && current.state !== 'succeeded') {
    if (current.state === 'failed') {
      throw new PlatformError('invalid_content', 'X could not process this video or GIF. Check its format, length and size against X’s rules, then try again.', { vendorCode: 'media_processing_failed' });
    }
    if (Date.now() > deadline) throw new PlatformError('transient', 'X is still processing the video. We will check again shortly.');
    await sleep(Math.min(Math.max(current.check_after_secs ?? 1, 1), 30) * 1000, ctx.signal);
    const status = await retryRead(
      () => ctx.http.request({ method: 'GET', url: xUpload(ctx, '/media/upload'), bearer: accessToken, query: { command: 'STATUS', media_id: mediaId } }),
      { signal: ctx.signal },
    );
    current = (status.json as MediaAnswer).data.processing_info;
  }
}

/** Resumes an upload an earlier attempt finished sending: reads its processing state, then waits as above. */
export async function awaitUploadedXMedia(ctx: PlatformContext, accessToken: string, mediaId: string): Promise<void> {
  const status = await retryRead(
    () => ctx.http.request({ method: 'GET', url: xUpload(ctx, '/media/upload'), bearer: accessToken, query: { command: 'STATUS', media_id: mediaId } }),
    { signal: ctx.signal },
  );
  await waitForProcessing(ctx, accessToken, mediaId, (status.json as MediaAnswer).data.processing_info);
}

/** Whether an upload from an earlier attempt can still be attached to a post. */
export function stillUsable(uploaded: UploadedXMedia | undefined): uploaded is UploadedXMedia {
  // A margin of an hour: the post may be created a little after this check.
  return Boolean(uploaded && Date.parse(uploaded.expiresAt) - Date.now() > 3_600_000);
}
