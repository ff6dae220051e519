import Koa from 'koa';
import type { Config } from './config.js';
import type { AppDeps, AppState } from './context.js';
import type { Database } from './db.js';
import type { ErrorReporter } from './lib/error-reporting.js';
import { createLogger, type Logger } from './logger.js';
import { extensionCors } from './middleware/cors.js';
import { errorHandler } from './middleware/error-handler.js';
import { requestContext } from './middleware/request-context.js';
import { rateLimit } from './middleware/rate-limit.js';
import { securityHeaders } from './middleware/security-headers.js';
import { httpMetrics } from './metrics/http-metrics.js';
import { metricsEndpoint } from './metrics/metrics-endpoint.js';
import { createMetrics, type ServiceMetrics } from './metrics/service-metrics.js';
import { buildRouter, methodNotAllowed } from './routes/index.js';
import { type BlobStorage, createStorage } from './storage/index.js';

/** What the app is built from. */
export interface CreateAppOptions {
  config: Config;
  db: Database;
  /** Defaults to JSON lines on stdout at LOG_LEVEL. */
  logger?: Logger;
  /** Defaults to the storage the configuration names (storage/index.ts). */
  storage?: BlobStorage;
  /** Unexpected errors go here besides the log (main.ts makes one from SENTRY_DSN). */
  errorReporter?: ErrorReporter;
  /** Prometheus metrics (main.ts shares one with the scheduler); default: a registry of this app's own. */
  metrics?: ServiceMetrics;
}

/**
 * Builds the Koa app without listening (`app.callback()` serves it). Order matters: request id and
 * access log outermost, then CORS, then the error handler, so every error response still carries the
 * request id and the CORS headers the extension needs to read it.
 */
export function createApp(options: CreateAppOptions): Koa<AppState> {
  const deps: AppDeps = {
    config: options.config,
    db: options.db,
    logger: options.logger ?? createLogger({ level: options.config.logLevel }),
    storage: options.storage ?? createStorage(options.config),
    errorReporter: options.errorReporter,
  };
  const app = new Koa<AppState>();
  app.proxy = options.config.trustProxy;
  // Trust one proxy hop: the client IP is the last X-Forwarded-For entry (the one our proxy added), not
  // the first, which the client can write itself and so dodge the per-IP log-in limit.
  app.maxIpsCount = 1;
  // Errors are answered and logged by errorHandler; Koa's own printing would only duplicate them.
  app.silent = true;
  const router = buildRouter(deps, { checkResponses: options.config.env === 'test' });
  const metrics = options.metrics ?? createMetrics({ knex: options.db.knex });
  app.use(requestContext(deps.logger));
  app.use(httpMetrics(metrics));
  app.use(extensionCors(options.config));
  app.use(errorHandler(deps.errorReporter));
  app.use(securityHeaders(options.config));
  // Before the per-route limits: a scraper must not be throttled by its own scrapes.
  app.use(metricsEndpoint(metrics, options.config.metricsToken));
  app.use(rateLimit(options.config.rateLimitFactor));
  app.use(router.routes());
  app.use(methodNotAllowed(router));
  return app;
}
