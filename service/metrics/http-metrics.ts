import type { AppContext, AppMiddleware } from '../context.js';
import type { ServiceMetrics } from './service-metrics.js';

/**
 * Counts and times every request by its route template (@koa/router's matched path, e.g.
 * /api/v1/workspaces/:workspaceId/posts), never the URL itself: ids and query strings would make a
 * new series per request. Requests no route took are `unmatched`. Mounted just inside requestContext,
 * so the status is the final one the error handler wrote.
 */
export function httpMetrics(metrics: ServiceMetrics): AppMiddleware {
  return async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const labels = { method: ctx.method, route: routeTemplate(ctx), status: String(ctx.status) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, (performance.now() - started) / 1000);
    }
  };
}

/** The matched route's path pattern, or `unmatched`. */
export function routeTemplate(ctx: AppContext): string {
  const matched = (ctx as { _matchedRoute?: unknown })._matchedRoute;
  return typeof matched === 'string' ? matched : 'unmatched';
}
