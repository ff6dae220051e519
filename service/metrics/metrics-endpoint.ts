import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppMiddleware } from '../context.js';
import { HttpError } from '../errors.js';
import type { ServiceMetrics } from './service-metrics.js';

/**
 * `GET /metrics` in Prometheus' text format, for a scraper holding METRICS_TOKEN as a bearer token.
 * Without METRICS_TOKEN the endpoint does not exist (the request falls through to 404 route_not_found):
 * queue sizes and traffic are nobody's business by default. A missing or wrong token gets 401
 * `unauthenticated` in the usual error body. Mounted after the error handler, so it shapes that body.
 */
export function metricsEndpoint(metrics: ServiceMetrics, token: string | undefined): AppMiddleware {
  const expected = token ? digest(token) : undefined;
  return async (ctx, next) => {
    if (!expected || ctx.path !== '/metrics' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    // Served outside the router: name the route as the router would, so scrapes are not counted as `unmatched`.
    (ctx as { _matchedRoute?: string })._matchedRoute = '/metrics';
    const given = /^Bearer (.+)$/i.exec(ctx.get('authorization'))?.[1] ?? '';
    // Comparing digests keeps the comparison constant-time whatever the given token's length.
    if (!timingSafeEqual(digest(given), expected)) {
      throw new HttpError('unauthenticated', { en: 'The metrics need the bearer token configured as METRICS_TOKEN.', de: 'Die Metriken brauchen das als METRICS_TOKEN eingestellte Bearer-Token.' }).withHeader('WWW-Authenticate', 'Bearer');
    }
    await metrics.refreshDatabaseGauges();
    ctx.set('Cache-Control', 'no-store');
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
