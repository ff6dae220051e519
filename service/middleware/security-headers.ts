import helmet from 'koa-helmet';
import type { Config } from '../config.js';
import type { AppMiddleware } from '../context.js';

/**
 * Headers every response carries, set by helmet (koa-helmet): the maintained list of what browsers
 * honour beats keeping our own. Adjusted where Minopa differs from a website:
 * - the default Content-Security-Policy allows nothing (answers are JSON or files); the service's own
 *   pages set the policy each needs;
 * - Cross-Origin-Resource-Policy is cross-origin, because the extension's pages (another origin) show
 *   media from signed addresses in <img>/<video>;
 * - the opener policy lets the Drive picker's Google window talk back to its page;
 * - HSTS only when the public address is https (P23); the proxy in front sets it too (deploy/);
 * - no referrer, and nothing cached unless a route says otherwise: answers hold tokens and drafts.
 */
export function securityHeaders(config: Pick<Config, 'publicUrl'>): AppMiddleware {
  const https = config.publicUrl.startsWith('https://');
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  }) as unknown as AppMiddleware;
  return async (ctx, next) => {
    ctx.set('Cache-Control', 'no-store');
    await headers(ctx, next);
  };
}
