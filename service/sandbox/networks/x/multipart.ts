import type { Context, Next } from 'koa';

/** A multipart request's fields as the simulator sees them: text fields as strings, files as their bytes. */
export type MultipartFields = Record<string, string | Buffer>;

const LIMIT = 8 * 1024 * 1024;

/**
 * Parses `multipart/form-data` bodies (X's media segments) with the platform's own parser (undici's
 * Request.formData). The bytes are kept in `ctx.state.multipart`; `ctx.request.body` gets what the spec
 * checker validates: text fields typed as the spec's schema reads them, files as a placeholder string.
 */
export function multipartBody() {
  return async (ctx: Context, next: Next) => {
    if (!ctx.is('multipart/form-data')) return next();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > LIMIT) ctx.throw(413, 'Segment too large.');
      chunks.push(chunk);
    }
    const form = await new Request('http://sandbox.invalid/', { method: 'POST', headers: { 'content-type': ctx.get('content-type') }, body: Buffer.concat(chunks) }).formData();
    const fields: MultipartFields = {};
    const checked: Record<string, unknown> = {};
    const entries: Array<[string, string | File]> = [];
    form.forEach((value, name) => entries.push([name, value]));
    for (const [name, value] of entries) {
      if (typeof value === 'string') {
        fields[name] = value;
        checked[name] = /^-?\d+$/.test(value) ? Number(value) : value;
      } else {
        fields[name] = Buffer.from(await value.arrayBuffer());
        checked[name] = `(${fields[name].length} bytes)`;
      }
    }
    ctx.state.multipart = fields;
    (ctx.request as { body?: unknown }).body = checked;
    await next();
  };
}
