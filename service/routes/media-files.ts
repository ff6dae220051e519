import type Router from '@koa/router';
import type { AppContext, AppDeps, AppState } from '../context.js';
import { HttpError } from '../errors.js';
import { findStoredFile } from '../actions/find-stored-file.js';
import { parseKey } from '../storage/keys.js';
import { LocalStorage } from '../storage/local.js';
import { contentDisposition, verifyMediaPath } from '../storage/signing.js';
import type { ByteRange } from '../storage/types.js';

/**
 * Serves local media files at the signed addresses LocalStorage hands out
 * (`/media/<key>?expires=…&sig=…`): the HMAC must match (403 media_link_invalid), the time must not have
 * passed (410 media_link_expired), and the file's row must still exist (404). Content-Type and
 * Content-Disposition come from the row, never from the request; single byte ranges are honoured so
 * videos can seek. With an S3 bucket, addresses are presigned by S3 and this route has nothing to serve.
 */
export function registerMediaFiles(router: Router<AppState>, deps: AppDeps): void {
  router.get('/media/:area/:owner/:id/:variant', async (ctx) => {
    const key = `${ctx.params.area}/${ctx.params.owner}/${ctx.params.id}/${ctx.params.variant}`;
    const parsed = parseKey(key);
    if (!parsed || !(deps.storage instanceof LocalStorage)) throw new HttpError('not_found', { en: 'There is no such file.', de: 'Diese Datei gibt es nicht.' });
    const expires = Number(ctx.query.expires);
    const sig = typeof ctx.query.sig === 'string' ? ctx.query.sig : '';
    if (!Number.isInteger(expires) || !sig || !verifyMediaPath(deps.config.appSecret, key, expires, sig)) throw new HttpError('media_link_invalid');
    const now = Math.floor(Date.now() / 1000);
    if (expires < now) throw new HttpError('media_link_expired');

    const presentation = await findStoredFile(deps.db.knex, parsed, key);
    if (!presentation) throw new HttpError('not_found', { en: 'This file no longer exists.', de: 'Diese Datei gibt es nicht mehr.' });
    const range = requestedRange(ctx);
    const read = await deps.storage.get(key, range === 'invalid' ? undefined : range);
    if (!read) throw new HttpError('not_found', { en: 'This file no longer exists.', de: 'Diese Datei gibt es nicht mehr.' });

    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
    ctx.set('Cache-Control', `private, max-age=${Math.min(expires - now, 86_400)}`);
    ctx.set('Accept-Ranges', 'bytes');
    ctx.set('Content-Disposition', contentDisposition(presentation.disposition, presentation.filename));
    if (range === 'invalid' || (range && range.start >= read.size)) {
      read.body.destroy();
      ctx.status = 416;
      ctx.set('Content-Range', `bytes */${read.size}`);
      ctx.body = '';
      return;
    }
    ctx.type = presentation.contentType;
    if (range) {
      const end = Math.min(range.end, read.size - 1);
      ctx.status = 206;
      ctx.set('Content-Range', `bytes ${range.start}-${end}/${read.size}`);
      ctx.length = end - range.start + 1;
    } else {
      ctx.length = read.size;
    }
    ctx.body = read.body;
  });
}

/** One `bytes=start-end` or `bytes=start-` range (what browsers send for media); anything else is served whole. */
function requestedRange(ctx: AppContext): ByteRange | 'invalid' | undefined {
  const header = ctx.get('range');
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || match[1] === '') return undefined;
  const start = Number(match[1]);
  const end = match[2] === '' ? Number.MAX_SAFE_INTEGER : Number(match[2]);
  return end < start ? 'invalid' : { start, end };
}
