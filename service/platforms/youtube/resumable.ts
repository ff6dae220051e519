import { Readable } from 'node:stream';
import { PlatformError } from '../lib/errors.js';
import type { HttpResponse } from '../lib/http.js';
import { readChunks } from '../lib/chunks.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishMedia } from '../types.js';

/** Google wants every chunk but the last to be a multiple of 256 KiB. */
export const CHUNK_UNIT = 256 * 1024;

/** Where an upload session stands: done (the video it created), bytes still to send, or gone. */
type SessionState = { videoId: string } | { offset: number } | { expired: true };

/**
 * Uploads a video with YouTube's resumable protocol and returns the new video's id. The session URI is
 * checkpointed as soon as YouTube hands it out, so a resumed attempt first probes it (`bytes *\/total`)
 * and sends only the bytes YouTube does not have — or learns the upload already finished. Only the
 * request carrying the last byte creates the video: it is the irreversible one.
 */
export async function resumableUpload(
  context: PlatformContext,
  account: AccountHandle,
  video: PublishMedia,
  resource: Record<string, unknown>,
  checkpoint: Checkpoint,
  chunkBytes: number,
): Promise<string> {
  const total = video.sizeBytes;
  let session = typeof checkpoint.state.uploadSession === 'string' ? checkpoint.state.uploadSession : null;
  let offset = 0;
  if (session) {
    const state = await probeUploadSession(context, account, session, total);
    if ('videoId' in state) return state.videoId;
    if ('expired' in state) session = null;
    else offset = state.offset;
  }
  if (!session) {
    const started = await context.http.request({
      method: 'POST',
      url: `${context.settings.uploadUrl}/videos`,
      query: { uploadType: 'resumable', part: 'snippet,status' },
      bearer: account.tokens.accessToken,
      headers: { 'content-type': 'application/json; charset=UTF-8', 'x-upload-content-length': String(total), 'x-upload-content-type': video.mimeType },
      json: resource,
    });
    session = started.headers.get('location');
    if (!session) throw new PlatformError('transient', 'YouTube did not start the upload. We will try again.');
    await checkpoint.save({ uploadSession: session });
  }
  for await (const chunk of readChunks(Readable.from(skipBytes(await video.open(), offset)), chunkBytes)) {
    const end = offset + chunk.length;
    const response = await context.http.request({
      method: 'PUT',
      url: session,
      bearer: account.tokens.accessToken,
      headers: { 'content-type': video.mimeType, 'content-range': `bytes ${offset}-${end - 1}/${total}` },
      body: chunk,
      accept: [308],
      irreversible: end === total,
      timeoutMs: 10 * 60_000,
    });
    if (response.status !== 308) return videoIdOf(response);
    // YouTube may keep fewer bytes than were sent; the next attempt's probe resumes from what it kept.
    if (receivedBytes(response) !== end) throw new PlatformError('transient', 'YouTube did not keep the whole upload chunk. We will resume the upload.');
    offset = end;
  }
  throw new PlatformError('transient', 'YouTube did not confirm the end of the upload. We will resume it.');
}

/** Asks an upload session where it stands, changing nothing (a PUT with `Content-Range: bytes *\/total`). */
export async function probeUploadSession(context: PlatformContext, account: AccountHandle, session: string, total: number): Promise<SessionState> {
  const response = await context.http.request({
    method: 'PUT',
    url: session,
    bearer: account.tokens.accessToken,
    headers: { 'content-range': `bytes */${total}` },
    accept: [308, 404, 410],
  });
  if (response.status === 404 || response.status === 410) return { expired: true };
  if (response.status === 308) return { offset: receivedBytes(response) };
  return { videoId: videoIdOf(response) };
}

function receivedBytes(response: HttpResponse): number {
  const last = response.headers.get('range')?.match(/bytes=0-(\d+)/)?.[1];
  return last === undefined ? 0 : Number(last) + 1;
}

function videoIdOf(response: HttpResponse): string {
  const id = (response.json as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') throw new PlatformError('unknown_outcome', 'YouTube finished the upload without naming the video. We will check before trying again.');
  return id;
}

/** The stream without its first `count` bytes (what YouTube already has). */
async function* skipBytes(stream: Readable, count: number): AsyncGenerator<Buffer> {
  let skip = count;
  for await (const piece of stream as AsyncIterable<Buffer>) {
    if (skip >= piece.length) {
      skip -= piece.length;
      continue;
    }
    yield skip > 0 ? piece.subarray(skip) : piece;
    skip = 0;
  }
}
