import { createHash } from 'node:crypto';
import type Router from '@koa/router';
import sharp from 'sharp';
import type { AppState } from '../../../context.js';

const cache = new Map<string, Buffer>();

/**
 * Serves the avatars the simulated people's profiles point at (directory.ts: BASE/avatars/<id>.png): a
 * 96-pixel square in a colour derived from the id, so sandbox accounts are told apart at a glance.
 */
export function registerAvatars(router: Router<AppState>, basePath: string): void {
  router.get(`${basePath}/avatars/:file`, async (ctx) => {
    const id = /^(\d{1,20})\.png$/.exec(ctx.params.file ?? '')?.[1];
    if (!id) {
      ctx.status = 404;
      return;
    }
    let png = cache.get(id);
    if (!png) {
      const [r, g, b] = createHash('sha256').update(id).digest();
      png = await sharp({ create: { width: 96, height: 96, channels: 3, background: { r: r!, g: g!, b: b! } } }).png().toBuffer();
      cache.set(id, png);
    }
    ctx.type = 'image/png';
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = png;
  });
}
