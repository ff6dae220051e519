import type { z } from 'zod';
import type { Endpoint } from '#shared/api/endpoints.js';
import type { AppMiddleware } from '../context.js';
import { type FieldProblem, HttpError } from '../errors.js';
import { fieldErrors, humanIssueMessage, summarize } from '../lib/field-errors.js';

/**
 * Validates path params, query and body with the endpoint's shared zod schemas and puts the parsed
 * values (defaults applied, text trimmed) in `ctx.state.input`. A malformed id in the path is simply
 * an id that does not exist: 404, like any unknown id. Bad query or body: 400 validation_failed with
 * one `{ path, message }` per problem. Their text is made storable (`storableText`).
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
  if (!result.success) {
    const fields = fieldErrors(result.error);
    throw new HttpError('validation_failed', summarize(fields), fields);
  }
  const nul: FieldProblem[] = [];
  const data = storableText(result.data, [], nul);
  if (nul.length > 0) throw new HttpError('validation_failed', summarize(nul), nul);
  return data;
}

const NUL_MESSAGE = { en: 'must not contain the NUL character (U+0000)', de: 'darf das NUL-Zeichen (U+0000) nicht enthalten' };
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `value` with its text made storable. PostgreSQL refuses U+0000 in text and JSON, and a lone UTF-16
 * surrogate in JSON (JSON.stringify writes it as `\ud800`): either used to fail the write with a 500.
 * A NUL is never typed by a person, so it is refused at its field (collected in `nul`); half of a
 * surrogate pair (text cut in the middle of an emoji) becomes U+FFFD, as it already did in text columns.
 */
function storableText(value: unknown, path: string[], nul: FieldProblem[]): unknown {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) nul.push({ path: path.join('.'), message: NUL_MESSAGE });
    return value.replace(LONE_SURROGATE, '\uFFFD');
  }
  if (Array.isArray(value)) return value.map((item, index) => storableText(item, [...path, String(index)], nul));
  // Plain objects only: a Date or another value a schema made is left as it is.
  if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, storableText(inner, [...path, key], nul)]));
  }
  return value;
}
