import { randomUUID } from 'node:crypto';
import type { AppMiddleware } from '../context.js';
import type { Logger } from '../logger.js';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request an id (the caller's X-Request-Id when it looks sane, so a trace spans the proxy),
 * echoes it in the response and writes one access-log line when the response is done. Only method, path,
 * status and time are logged: never headers (Authorization) or bodies (passwords).
 */
export function requestContext(logger: Logger): AppMiddleware {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = CLIENT_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = logger.child({ requestId });
    ctx.set('X-Request-Id', requestId);
    const started = performance.now();
    try {
      await next();
    } finally {
      ctx.state.log.info('request', {
        method: ctx.method,
        path: ctx.path,
        status: ctx.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  };
}
