import type { AppMiddleware } from '../context.js';

/**
 * Headers every response carries. API answers may hold session tokens or private drafts, so nothing
 * may cache them (pages that are safe to cache set their own Cache-Control).
 */
export function securityHeaders(): AppMiddleware {
  return async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Cache-Control', 'no-store');
    await next();
  };
}
