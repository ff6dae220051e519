import cors from '@koa/cors';
import type { Config } from '../config.js';
import type { AppMiddleware } from '../context.js';

const ANY_EXTENSION = /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i;

/**
 * CORS for the browser extension: its origin is reflected when allowed (ALLOWED_EXTENSION_ORIGINS, or any
 * extension origin by default); web pages get no CORS headers, so they cannot read the API. Mounted
 * outside the error handler and with keepHeadersOnError, so a 4xx/5xx still carries the headers and the
 * extension sees a real status instead of "Failed to fetch" (which its offline queue would retry forever).
 */
export function extensionCors(config: Pick<Config, 'allowedExtensionOrigins'>): AppMiddleware {
  const allowed = config.allowedExtensionOrigins;
  return cors({
    origin: (ctx) => {
      const origin = ctx.get('origin');
      const ok = allowed ? allowed.includes(origin) : ANY_EXTENSION.test(origin);
      return ok ? origin : '';
    },
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    // X-Filename: the file name of a raw upload (media library, avatar).
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'X-Filename'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
    keepHeadersOnError: true,
  }) as AppMiddleware;
}
