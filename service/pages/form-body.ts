import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';

const LIMIT = 16 * 1024;

/**
 * Reads an `application/x-www-form-urlencoded` body (what an HTML form posts), at most 16 KB.
 * 415 for another type, 413 when larger. Repeated fields keep their first value.
 */
export async function readForm(ctx: AppContext): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  for (const [key, value] of await readFormEntries(ctx)) fields[key] ??= value;
  return fields;
}

/** The same, keeping every value of a repeated field (checkbox lists). */
export async function readFormEntries(ctx: AppContext): Promise<URLSearchParams> {
  if (!ctx.is('application/x-www-form-urlencoded')) throw new HttpError('unsupported_media_type', { en: 'Send the form as application/x-www-form-urlencoded.', de: 'Senden Sie das Formular als application/x-www-form-urlencoded.' });
  if ((ctx.request.length ?? 0) > LIMIT) throw new HttpError('payload_too_large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > LIMIT) throw new HttpError('payload_too_large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
