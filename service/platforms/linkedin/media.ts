import { PlatformError } from '../lib/errors.js';
import { readChunks } from '../lib/chunks.js';
import { retryRead, sleep } from '../lib/poll.js';
import type { PlatformContext, PublishMedia } from '../types.js';
import { encodeUrn, restRequest } from './api.js';

/** How long one attempt waits for LinkedIn to make an upload AVAILABLE; the next attempt polls on. */
const PROCESSING_BUDGET_MS = 5 * 60_000;

type Collection = 'images' | 'videos' | 'documents';

interface UploadInstruction {
  uploadUrl: string;
  firstByte: number;
  lastByte: number;
}

interface InitializeAnswer {
  value: { uploadUrl?: string; image?: string; document?: string; video?: string; uploadToken?: string; uploadInstructions?: UploadInstruction[] };
}

/** The Images, Videos or Documents API a medium goes through. */
export function collectionOf(media: PublishMedia): Collection {
  if (media.kind === 'video') return 'videos';
  return media.kind === 'document' ? 'documents' : 'images';
}

/**
 * Uploads one medium owned by `owner` (the post's author URN) and waits until LinkedIn reports it
 * AVAILABLE (posting earlier fails). Images and documents go in one PUT; videos in the byte ranges
 * LinkedIn hands out, then a finalize with each part's ETag. `onUploaded` gets the URN as soon as the
 * bytes are in, before waiting, so a resumed attempt only polls.
 */
export async function uploadLinkedInMedia(ctx: PlatformContext, accessToken: string, owner: string, media: PublishMedia, onUploaded: (urn: string) => Promise<void>): Promise<string> {
  const collection = collectionOf(media);
  const request =
    collection === 'videos'
      ? { owner, fileSizeBytes: media.sizeBytes, uploadCaptions: false, uploadThumbnail: false }
      : { owner };
  const init = await ctx.http.request(
    restRequest(ctx, accessToken, { method: 'POST', path: `/${collection}`, query: { action: 'initializeUpload' }, json: { initializeUploadRequest: request } }),
  );
  const value = (init.json as InitializeAnswer).value;
  const urn = value.image ?? value.document ?? value.video!;
  if (collection === 'videos') {
    const etags = await uploadParts(ctx, media, value.uploadInstructions ?? []);
    await ctx.http.request(
      restRequest(ctx, accessToken, {
        method: 'POST',
        path: '/videos',
        query: { action: 'finalizeUpload' },
        json: { finalizeUploadRequest: { video: urn, uploadToken: value.uploadToken ?? '', uploadedPartIds: etags } },
      }),
    );
  } else {
    await ctx.http.request({ method: 'PUT', url: value.uploadUrl!, bearer: accessToken, headers: { 'content-type': media.mimeType }, body: await media.open(), timeoutMs: 300_000 });
  }
  await onUploaded(urn);
  await awaitAvailable(ctx, accessToken, collection, urn);
  return urn;
}

/** PUTs each byte range to its address, in order; returns the ETags LinkedIn's finalize asks for. */
async function uploadParts(ctx: PlatformContext, media: PublishMedia, instructions: UploadInstruction[]): Promise<string[]> {
  const partBytes = instructions[0] ? instructions[0].lastByte - instructions[0].firstByte + 1 : media.sizeBytes;
  const etags: string[] = [];
  let index = 0;
  for await (const chunk of readChunks(await media.open(), partBytes)) {
    const instruction = instructions[index++];
    if (!instruction || chunk.length !== instruction.lastByte - instruction.firstByte + 1) {
      throw new PlatformError('invalid_content', 'The video’s size does not match what LinkedIn expected for it. Upload the file to the media library again.');
    }
    // The part addresses are pre-signed: no Authorization header.
    const response = await ctx.http.request({ method: 'PUT', url: instruction.uploadUrl, headers: { 'content-type': 'application/octet-stream' }, body: chunk, timeoutMs: 300_000 });
    etags.push(response.headers.get('etag') ?? '');
  }
  return etags;
}

/**
 * Polls (read-only, retried on transient failures) until the asset is AVAILABLE. PROCESSING_FAILED is
 * the content's fault; running out of time is transient, and the next attempt polls again.
 */
export async function awaitAvailable(ctx: PlatformContext, accessToken: string, collection: Collection, urn: string): Promise<void> {
  const deadline = Date.now() + PROCESSING_BUDGET_MS;
  for (let wait = 250; ; wait = Math.min(wait * 2, 5000)) {
    const response = await retryRead(() => ctx.http.request(restRequest(ctx, accessToken, { method: 'GET', path: `/${collection}/${encodeUrn(urn)}` })), { signal: ctx.signal });
    const status = (response.json as { status?: string }).status;
    if (status === 'AVAILABLE') return;
    if (status === 'PROCESSING_FAILED') {
      throw new PlatformError('invalid_content', 'LinkedIn could not process this file. Check its format, length and size against LinkedIn’s rules.', { vendorCode: 'PROCESSING_FAILED' });
    }
    if (Date.now() > deadline) throw new PlatformError('transient', 'LinkedIn is still processing the media. We will check again shortly.');
    await sleep(wait, ctx.signal);
  }
}
