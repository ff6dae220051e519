import type { Context } from 'koa';

/** Reads a raw upload body (resumable uploads send bytes, not JSON or forms), at most `limit` bytes. */
export async function readRawBody(ctx: Context, limit = 200 * 1024 * 1024): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
