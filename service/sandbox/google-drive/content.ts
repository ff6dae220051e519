import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

const BLOCK = 64 * 1024;

/**
 * Block `index` of a generated file: 64 KiB of xorshift32 output seeded by the file's seed and the
 * block's number, so any byte range is made on demand, identical on every read, without ever holding
 * the file (a 200 MB Drive file costs one block of memory).
 */
function block(seed: number, index: number): Buffer {
  const words = new Uint32Array(BLOCK / 4);
  let x = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    words[i] = x;
  }
  return Buffer.from(words.buffer);
}

/** Bytes `start`..`end` (inclusive) of a generated file of seed `seed`, streamed block by block. */
export function generatedRange(seed: number, start: number, end: number): Readable {
  let position = start;
  return new Readable({
    read() {
      if (position > end) return void this.push(null);
      const index = Math.floor(position / BLOCK);
      const offset = position - index * BLOCK;
      const length = Math.min(BLOCK - offset, end - position + 1);
      this.push(block(seed, index).subarray(offset, offset + length));
      position += length;
    },
  });
}

/** The MD5 Drive reports (`md5Checksum`) for a generated file, computed by streaming it once. */
export async function generatedMd5(seed: number, size: number): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of generatedRange(seed, 0, size - 1)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Parses a single-range `Range` header against a file of `size` bytes: the inclusive range, 'unsatisfiable'
 * (416), or null for none or a form served whole (several ranges, a unit other than bytes).
 */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
