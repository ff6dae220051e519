import { PlatformError } from '../lib/errors.js';
import { retryRead, sleep } from '../lib/poll.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishMedia } from '../types.js';
import { multipartBody } from './multipart.js';

/** Waits between processing polls: short at first (small videos finish in seconds), then 10 s at most. */
const POLL_DELAYS_MS = [0, 500, 1000, 2000, 4000, 8000, ...Array<number>(30).fill(10_000)];

/**
 * Uploads a video for a Pin and waits until Pinterest has processed it; returns its media id.
 * Register (`POST /v5/media`) → multipart POST of the S3 form + file → poll `GET /v5/media/{id}`.
 * The media id is checkpointed once the bytes are up, so a resumed attempt only polls again. A
 * registration whose upload never happened is simply abandoned (it publishes nothing), and the S3
 * form, which holds temporary credentials, is never stored.
 */
export async function uploadPinVideo(context: PlatformContext, account: AccountHandle, video: PublishMedia, checkpoint: Checkpoint): Promise<string> {
  const api = context.settings.apiUrl;
  let mediaId = typeof checkpoint.state.videoMediaId === 'string' ? checkpoint.state.videoMediaId : null;
  if (!mediaId) {
    const registered = await context.http.request({ method: 'POST', url: `${api}/media`, bearer: account.tokens.accessToken, json: { media_type: 'video' } });
    const upload = registered.json as { media_id: string; upload_url: string; upload_parameters: Record<string, string> };
    const { body, headers } = multipartBody(upload.upload_parameters ?? {}, { field: 'file', filename: video.filename ?? 'video.mp4', mimeType: video.mimeType, size: video.sizeBytes, stream: await video.open() });
    await context.http.request({ method: 'POST', url: upload.upload_url, headers, body, timeoutMs: 30 * 60_000 });
    mediaId = upload.media_id;
    await checkpoint.save({ videoMediaId: mediaId });
  }
  for (const delay of POLL_DELAYS_MS) {
    if (delay) await sleep(delay, context.signal);
    const response = await retryRead(() => context.http.request({ method: 'GET', url: `${api}/media/${mediaId}`, bearer: account.tokens.accessToken }), { signal: context.signal });
    const status = (response.json as { status?: string }).status;
    if (status === 'succeeded') return mediaId;
    if (status === 'failed') {
      throw new PlatformError('invalid_content', 'Pinterest could not process this video. Check that it is an MP4, MOV or M4V file of 4 seconds to 15 minutes, then try again.', { vendorCode: 'failed' });
    }
  }
  // Still processing after ~5 minutes: nothing irreversible has happened, so the publisher may try again
  // later; the checkpointed media id means the next attempt only polls.
  throw new PlatformError('transient', 'Pinterest is still processing the video. We will check again shortly.');
}
