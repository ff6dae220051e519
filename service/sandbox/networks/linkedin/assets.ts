import { createHash } from 'node:crypto';
import type Router from '@koa/router';
import type { Context } from 'koa';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { authed, type LinkedInWorld, linkedInError, mayActAs, type SimAsset } from './world.js';

const URN_PREFIX = { images: 'urn:li:image:', documents: 'urn:li:document:', videos: 'urn:li:video:' } as const;

/**
 * The Images, Documents and Videos APIs: `initializeUpload` hands out upload addresses (one for an image
 * or document, byte ranges for a video), `PUT /dms-uploads/{key}` takes the bytes (an image or document
 * with the bearer token; video parts pre-signed, answering an ETag each), `finalizeUpload` checks a
 * video's ETags, and `GET /rest/{collection}/{urn}` reports WAITING_UPLOAD → PROCESSING → AVAILABLE.
 */
export function registerLinkedInAssets(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory'>, world: LinkedInWorld): void {
  for (const collection of ['images', 'documents', 'videos'] as const) {
    router.post(
      `/api/rest/${collection}`,
      authed(sim, (ctx, person, scopes) => {
        const body = (ctx.request as { body?: Record<string, Record<string, unknown> | undefined> }).body ?? {};
        if (ctx.query.action === 'finalizeUpload' && collection === 'videos') return finalizeVideo(ctx, world, body.finalizeUploadRequest ?? {});
        if (ctx.query.action !== 'initializeUpload') return linkedInError(ctx, 400, 'ILLEGAL_ARGUMENT', 'Unsupported action.');
        const request = body.initializeUploadRequest ?? {};
        if (!mayActAs(ctx, world, person, scopes, request.owner)) return;
        const urn = `${URN_PREFIX[collection]}C${world.newNumber()}`;
        const asset: SimAsset = { urn, collection, owner: String(request.owner), parts: [], uploadToken: '', uploadedAt: null };
        const expiresAt = Date.now() + 24 * 3600_000;
        if (collection === 'videos') {
          const size = Number(request.fileSizeBytes);
          if (!Number.isInteger(size) || size <= 0) return linkedInError(ctx, 400, 'ILLEGAL_ARGUMENT', 'fileSizeBytes must be a positive integer.');
          for (let first = 0; first < size; first += world.videoPartBytes) {
            asset.parts.push({ key: world.assetKey(), firstByte: first, lastByte: Math.min(first + world.videoPartBytes, size) - 1, etag: null });
          }
          asset.uploadToken = world.assetKey();
          world.assets.set(urn, asset);
          ctx.body = {
            value: {
              uploadUrlsExpireAt: expiresAt,
              video: urn,
              uploadInstructions: asset.parts.map((part) => ({ uploadUrl: `${world.baseUrl}/dms-uploads/${part.key}`, firstByte: part.firstByte, lastByte: part.lastByte })),
              uploadToken: asset.uploadToken,
            },
          };
          return;
        }
        asset.parts.push({ key: world.assetKey(), firstByte: 0, lastByte: -1, etag: null });
        world.assets.set(urn, asset);
        ctx.body = { value: { uploadUrlExpiresAt: expiresAt, uploadUrl: `${world.baseUrl}/dms-uploads/${asset.parts[0]!.key}`, [collection === 'images' ? 'image' : 'document']: urn } };
      }),
    );

    router.get(
      `/api/rest/${collection}/:urn`,
      authed(sim, (ctx) => {
        const asset = world.assets.get(ctx.params.urn!);
        if (!asset || asset.collection !== collection) return linkedInError(ctx, 404, 'NOT_FOUND', `${ctx.params.urn} does not exist.`);
        ctx.body = { id: asset.urn, owner: asset.owner, status: world.statusOf(asset) };
      }),
    );
  }

  router.put('/dms-uploads/:key', async (ctx) => {
    const asset = [...world.assets.values()].find((candidate) => candidate.parts.some((part) => part.key === ctx.params.key));
    if (!asset) return linkedInError(ctx, 404, 'NOT_FOUND', 'Unknown upload address.');
    const bytes = await readBody(ctx);
    const part = asset.parts.find((candidate) => candidate.key === ctx.params.key)!;
    if (asset.collection !== 'videos') {
      const auth = sim.store.authenticate(ctx.get('authorization'));
      if (!auth.ok) return linkedInError(ctx, 401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600);
      asset.uploadedAt = Date.now();
      ctx.status = 201;
      return;
    }
    if (bytes.length !== part.lastByte - part.firstByte + 1) return linkedInError(ctx, 400, 'ILLEGAL_ARGUMENT', 'The part does not match its byte range.');
    part.etag = `/ambry-video/${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}`;
    ctx.set('ETag', part.etag);
    ctx.status = 200;
  });
}

function finalizeVideo(ctx: Context, world: LinkedInWorld, request: Record<string, unknown>): void {
  const asset = world.assets.get(String(request.video));
  if (!asset || asset.collection !== 'videos') return linkedInError(ctx, 404, 'NOT_FOUND', `${String(request.video)} does not exist.`);
  const etags = Array.isArray(request.uploadedPartIds) ? request.uploadedPartIds : [];
  const complete = asset.parts.length === etags.length && asset.parts.every((part, index) => part.etag !== null && part.etag === etags[index]);
  if (request.uploadToken !== asset.uploadToken || !complete) return linkedInError(ctx, 400, 'ILLEGAL_ARGUMENT', 'uploadToken or uploadedPartIds do not match the upload.');
  asset.uploadedAt ??= Date.now();
  ctx.status = 200;
  ctx.body = {};
}

async function readBody(ctx: Context): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
