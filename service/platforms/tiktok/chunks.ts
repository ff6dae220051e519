import type { Readable } from 'node:stream';
import { readChunks } from '../lib/chunks.js';

/** TikTok's FILE_UPLOAD rules (platform-apis.md §6): one chunk under 5 MB, else 5–64 MB chunks. */
export const MIN_CHUNK = 5 * 1024 * 1024;
export const MAX_CHUNK = 64 * 1024 * 1024;

/** How a video is cut: `count = floor(size / chunkSize)`, the remainder riding on the last chunk. */
export function chunkPlan(size: number, preferred: number): { chunkSize: number; count: number } {
  if (size < MIN_CHUNK) return { chunkSize: size, count: 1 };
  const chunkSize = Math.min(Math.max(preferred, MIN_CHUNK), MAX_CHUNK, size);
  return { chunkSize, count: Math.floor(size / chunkSize) };
}

/**
 * The video's chunks in order with their first byte: `count - 1` chunks of `chunkSize`, then the rest
 * as one (under 2 × chunkSize, within TikTok's 128 MB cap for a last chunk).
 */
export async function* planChunks(stream: Readable, plan: { chunkSize: number; count: number }): AsyncGenerator<{ start: number; bytes: Buffer }> {
  let index = 0;
  let start = 0;
  const tail: Buffer[] = [];
  for await (const piece of readChunks(stream, plan.chunkSize)) {
    if (index < plan.count - 1) {
      yield { start, bytes: piece };
      start += piece.length;
      index += 1;
    } else {
      tail.push(piece);
    }
  }
  if (tail.length) yield { start, bytes: Buffer.concat(tail) };
}
