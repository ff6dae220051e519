import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { authed } from './auth.js';
import { pinterestError, type World } from './world.js';

/** Where the simulated S3 bucket takes video uploads, below the simulator's base. */
export const MEDIA_UPLOAD_PATH = '/media-upload';

/**
 * Pinterest's video upload: `POST /v5/media` registers it and answers an S3 form (upload_url +
 * upload_parameters); the client POSTs the fields plus `file` as multipart/form-data to the bucket
 * (here: MEDIA_UPLOAD_PATH, answering 204 like S3); `GET /v5/media/{id}` reports registered →
 * processing → succeeded.
 */
export function registerMedia(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory'>, world: World, baseUrl: string): void {
  const policies = new Map<string, string>();

  router.post(
    '/v5/media',
    authed(sim, (ctx, person) => {
      const id = world.newId();
      const key = `uploads/${id}/video`;
      const policy = randomBytes(12).toString('base64');
      policies.set(key, policy);
      world.media.set(id, { id, owner: person.id, status: 'registered', uploadKey: key, polls: 0, bytes: 0 });
      ctx.status = 201;
      ctx.body = {
        media_id: id,
        media_type: 'video',
        upload_url: baseUrl + MEDIA_UPLOAD_PATH,
        upload_parameters: { key, policy, 'x-amz-algorithm': 'AWS4-HMAC-SHA256', 'x-amz-credential': 'SANDBOX/us-east-1/s3/aws4_request', 'x-amz-date': '20260101T000000Z', 'x-amz-signature': 'sandbox' },
      };
    }),
  );

  router.post(MEDIA_UPLOAD_PATH, async (ctx) => {
    const form = await new Response(Readable.toWeb(ctx.req) as ReadableStream, { headers: { 'content-type': ctx.get('content-type') } }).formData().catch(() => null);
    const key = form?.get('key');
    const file = form?.get('file');
    const upload = [...world.media.values()].find((candidate) => candidate.uploadKey === key);
    if (!upload || typeof key !== 'string' || form?.get('policy') !== policies.get(key) || !(file instanceof Blob)) {
      ctx.status = 403;
      ctx.type = 'application/xml';
      ctx.body = '<Error><Code>AccessDenied</Code><Message>Invalid according to Policy</Message></Error>';
      return;
    }
    upload.bytes = file.size;
    upload.status = file.size > 0 ? 'processing' : 'failed';
    ctx.status = 204;
  });

  router.get(
    '/v5/media/:mediaId',
    authed(sim, (ctx, person) => {
      const upload = world.media.get(ctx.params.mediaId ?? '');
      if (!upload || upload.owner !== person.id) return pinterestError(ctx, 404, 404, 'Media not found.');
      if (upload.status === 'processing' && ++upload.polls >= 2) upload.status = 'succeeded';
      ctx.body = { media_id: upload.id, media_type: 'video', status: upload.status };
    }),
  );
}
