import type { z } from 'zod';
import type { Endpoint } from '#shared/api/endpoints.js';
import type { AppMiddleware } from '../context.js';
import { HttpError } from '../errors.js';
import { fieldErrors, humanIssueMessage, summarize } from '../lib/field-errors.js';

/**
 * Validates path params, query and body with the endpoint's shared zod schemas and puts the parsed
 * values (defaults applied, text trimmed) in `ctx.state.input`. A malformed id in the path is simply
 * an id that does not exist: 404, like any unknown id. Bad query or body: 400 validation_failed with
 * one `{ path, message }` per problem.
 */
export function validateInput(endpoint: Endpoint): AppMiddleware {
  return async (ctx, next) => {
    let params: unknown;
    if (endpoint.params) {
      const result = endpoint.params.safeParse(ctx.params, { error: humanIssueMessage });
      if (!result.success) throw new HttpError('not_found');
      params = result.data;
    }
    const query = endpoint.query ? check(endpoint.query, ctx.query) : undefined;
    let body: unknown;
    if (endpoint.body) {
      if (ctx.state.body === undefined) {
        throw new HttpError('validation_failed', { en: 'This endpoint needs a JSON object in the request body.', de: 'Dieser Endpunkt braucht ein JSON-Objekt als Inhalt der Anfrage.' }, [
          { path: '', message: { en: 'is required', de: 'ist erforderlich' } },
        ]);
      }
      body = check(endpoint.body, ctx.state.body);
    }
    ctx.state.input = { params, query, body };
    await next();
  };
}

function check(schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value, { error: humanIssueMessage });
  if (result.success) return result.data;
  const fields = fieldErrors(result.error);
  throw new HttpError('validation_failed', summarize(fields), fields);
}
