import type { Readable } from 'node:stream';

/**
 * Reads a media stream as consecutive chunks of exactly `size` bytes (the last one shorter), for
 * networks whose uploads go in parts (X's append segments, LinkedIn's video byte ranges). Holds at most
 * one chunk in memory, so a 500 MB video is never buffered whole.
 */
export async function* readChunks(stream: Readable, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of stream as AsyncIterable<Buffer | string>) {
    let data = typeof piece === 'string' ? Buffer.from(piece) : piece;
    while (pendingBytes + data.length >= size) {
      const take = size - pendingBytes;
      pending.push(data.subarray(0, take));
      yield Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      data = data.subarray(take);
    }
    if (data.length > 0) {
      pending.push(data);
      pendingBytes += data.length;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}
