import type { IncomingMessage } from 'node:http';
import type { Endpoint } from '#shared/api/endpoints.js';
import { bilingual } from '#shared/i18n.js';
import { LIMITS } from '#shared/limits.js';
import type { AppMiddleware } from '../context.js';
import { HttpError } from '../errors.js';

/**
 * Reads the JSON body of endpoints that take one into `ctx.state.body` (undefined when none was sent).
 * A body that is not JSON is 415, one over LIMITS.jsonBodyBytes 413 (checked on Content-Length before
 * reading, and while reading chunked ones), JSON that does not parse 400 malformed_json.
 * Hand-written rather than @koa/bodyparser: captures are benchmarked, and this path is a plain read
 * plus JSON.parse, with the error mapping in one place.
 */
export function jsonBody(endpoint: Endpoint): AppMiddleware {
  // Uploads stream their raw body to the handler (middleware/upload-body.ts).
  if (!endpoint.body || endpoint.upload) return (_ctx, next) => next();
  return async (ctx, next) => {
    const length = ctx.request.length;
    const chunked = ctx.get('transfer-encoding') !== '';
    if (!length && !chunked) {
      ctx.state.body = undefined;
      return next();
    }
    if (!ctx.is('application/json', '+json')) throw new HttpError('unsupported_media_type');
    const charset = ctx.request.charset;
    if (charset && charset.toLowerCase() !== 'utf-8') throw new HttpError('unsupported_media_type', { en: 'Send the body as UTF-8 JSON.', de: 'Senden Sie den Inhalt als JSON in UTF-8.' });
    const encoding = ctx.get('content-encoding');
    if (encoding && encoding !== 'identity') throw new HttpError('unsupported_media_type', { en: 'Send the body uncompressed.', de: 'Senden Sie den Inhalt unkomprimiert.' });
    if ((length ?? 0) > LIMITS.jsonBodyBytes) throw tooLarge();
    const text = await readText(ctx.req, LIMITS.jsonBodyBytes);
    try {
      ctx.state.body = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
    } catch (error) {
      throw new HttpError('malformed_json', bilingual({ en: 'The request body is not valid JSON: {reason}', de: 'Der Inhalt der Anfrage ist kein gültiges JSON: {reason}' }, { reason: (error as Error).message }));
    }
    await next();
  };
}

function tooLarge(): HttpError {
  return new HttpError('payload_too_large', bilingual({ en: 'The request body is larger than {size} KB.', de: 'Der Inhalt der Anfrage ist größer als {size} KB.' }, { size: LIMITS.jsonBodyBytes / 1024 }));
}

/**
 * Collects the body as UTF-8 text, failing with 413 as soon as it passes `limit`. On failure it stops
 * listening and pauses the stream rather than destroying it, so the 413 can still be sent (Node then
 * discards the rest of the body).
 */
function readText(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onAborted);
    };
    const fail = (error: HttpError) => {
      cleanup();
      request.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) fail(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size).toString('utf8'));
    };
    const onError = () => fail(new HttpError('malformed_json', { en: 'The request body could not be read completely.', de: 'Der Inhalt der Anfrage konnte nicht vollständig gelesen werden.' }));
    const onAborted = onError;
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('aborted', onAborted);
  });
}
