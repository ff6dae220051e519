import type { Context, Next } from 'koa';
import type { SpecChecker } from './spec-check.js';

/**
 * Koa middleware that holds every API request up against the network's official spec before the
 * simulator serves it: a request the spec refuses is answered 400 in the network's error shape and
 * recorded in `violations`, so tests can assert our client only sends what the spec allows.
 * `specPath` maps the simulator's path to the spec's (e.g. strips '/v5' for Pinterest), or null for
 * routes the spec does not describe (an S3 upload, a resumable session).
 * Lives here, not in kit/, only because this work may not add files there; YouTube's simulator uses it too.
 */
export function specGate(options: {
  check: SpecChecker | undefined;
  violations: string[];
  specPath: (path: string) => string | null;
  errorBody: (message: string) => unknown;
}) {
  return async (ctx: Context, next: Next) => {
    const path = options.check ? options.specPath(ctx.path) : null;
    if (!options.check || path === null) return next();
    const problems = options.check({
      method: ctx.method,
      path,
      query: ctx.query as Record<string, unknown>,
      headers: ctx.headers,
      body: (ctx.request as { body?: unknown }).body,
    });
    if (problems.length === 0) return next();
    const line = `${ctx.method} ${path}: ${problems.join('; ')}`;
    options.violations.push(line);
    ctx.status = 400;
    ctx.body = options.errorBody(line);
  };
}
