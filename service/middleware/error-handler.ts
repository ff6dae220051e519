import { errorText } from '#shared/errors.js';
import { type ErrorBody } from '#shared/error-codes.js';
import { bilingual } from '#shared/i18n.js';
import type { AppContext, AppMiddleware } from '../context.js';
import type { ErrorReporter } from '../lib/error-reporting.js';
import { HttpError } from '../errors.js';
import { requestLanguage } from '../lib/accept-language.js';

/**
 * Turns every failure into `{ error: { code, message, fields? } }`, its sentences in English or German
 * as the request's Accept-Language asks (lib/accept-language.ts). HttpErrors carry their own code and
 * sentence; anything else is a bug or an outage: it is logged with the request id and answered with a
 * generic 500 that shows no internals (only the id, so support can find the log line). Also answers
 * requests no route took with 404 route_not_found, and a known path asked with another method with 405.
 * Unexpected errors also go to `reporter` (Sentry, P8) when there is one.
 */
export function errorHandler(reporter?: ErrorReporter): AppMiddleware {
  const report = (ctx: AppContext, error: unknown) =>
    reporter?.report(error, {
      requestId: ctx.state.requestId,
      method: ctx.method,
      // The route's pattern (/api/v1/workspaces/:workspaceId/…), never the URL with its ids and query.
      route: (ctx as { _matchedRoute?: string })._matchedRoute ?? 'unmatched',
      userId: ctx.state.auth?.user.id,
    });
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.body === undefined && ctx.status === 404) throw new HttpError('route_not_found');
      if (ctx.body === undefined && (ctx.status === 405 || ctx.status === 501)) throw new HttpError('method_not_allowed');
    } catch (error) {
      if (error instanceof HttpError) {
        if (error.status >= 500) ctx.state.log.error('request failed', { code: error.code, error });
        if (error.code === 'internal_error') report(ctx, error);
        ctx.set(error.headers);
        ctx.status = error.status;
        ctx.vary('Accept-Language');
        const body: ErrorBody = { error: error.body(requestLanguage(ctx.get('Accept-Language'))) };
        ctx.body = body;
        return;
      }
      ctx.state.log.error('unhandled error', { error });
      report(ctx, error);
      ctx.status = 500;
      ctx.vary('Accept-Language');
      const said = bilingual({ en: '{sentence} (Reference: {id})', de: '{sentence} (Referenz: {id})' }, { sentence: errorText('internal_error'), id: ctx.state.requestId });
      const body: ErrorBody = { error: { code: 'internal_error', message: said[requestLanguage(ctx.get('Accept-Language'))] } };
      ctx.body = body;
    }
  };
}
