import { Readable, Transform } from 'node:stream';
import { bilingual } from '#shared/i18n.js';
import { HttpError } from '../errors.js';
import type { BlobStorage } from '../storage/index.js';
import { uploadPartKey } from '../storage/keys.js';

/**
 * The pieces of a resumable upload (actions/*-media-upload.ts) in storage: one part object per piece,
 * keyed by its index, so any instance can take the next piece and the parts can be read back in order.
 */

/**
 * Length of every piece but the last. Small enough that a dropped connection loses little and the
 * extension can hand a piece from the popup to its background in one message; large enough that a
 * 1 GB video is 256 requests.
 */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

/** An unfinished upload is removed this long after its last piece (or its creation). */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/** What the parts of one upload are known by. */
export interface UploadShape {
  id: string;
  workspaceId: string;
  sizeBytes: number;
  chunkBytes: number;
  receivedBytes: number;
}

/** How many pieces the whole file is. */
export function partCount(upload: Pick<UploadShape, 'sizeBytes' | 'chunkBytes'>): number {
  return Math.ceil(upload.sizeBytes / upload.chunkBytes);
}

/** How long the piece starting at `offset` must be: chunkBytes, or what remains for the last. */
export function pieceLength(upload: Pick<UploadShape, 'sizeBytes' | 'chunkBytes'>, offset: number): number {
  return Math.min(upload.chunkBytes, upload.sizeBytes - offset);
}

/** The key of the piece starting at `offset` (always a multiple of chunkBytes). */
export function partKeyAt(upload: UploadShape, offset: number): string {
  return uploadPartKey(upload.workspaceId, upload.id, Math.floor(offset / upload.chunkBytes));
}

/**
 * Streams a piece into its part object, refusing (upload_chunk_invalid, nothing kept) a body longer or
 * shorter than `length`. A piece that is sent again while the first copy is still arriving writes the
 * same bytes to the same key, so the later write cannot change what was accepted.
 */
export async function storePart(storage: BlobStorage, key: string, body: Readable, length: number): Promise<void> {
  const wrong = (got: number | null) =>
    new HttpError(
      'upload_chunk_invalid',
      bilingual(
        got === null
          ? { en: 'This piece must be exactly {length} bytes long; more arrived.', de: 'Dieses Stück muss genau {length} Byte lang sein; es kam mehr an.' }
          : { en: 'This piece must be exactly {length} bytes long; {got} arrived.', de: 'Dieses Stück muss genau {length} Byte lang sein; angekommen sind {got}.' },
        { length: String(length), got: String(got) },
      ),
    );
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > length) return callback(wrong(null));
      callback(null, chunk);
    },
  });
  // pipe, not pipeline: when the counter refuses, the request must stay open to carry the answer.
  const interrupted = () => {
    if (!body.readableEnded) counter.destroy(
      new HttpError('media_unreadable', {
        en: 'The connection dropped before the whole piece arrived. Send it again.',
        de: 'Die Verbindung brach ab, bevor das ganze Stück ankam. Senden Sie es erneut.',
      }),
    );
  };
  body.once('error', interrupted);
  body.once('close', interrupted);
  body.pipe(counter);
  try {
    await storage.put(key, counter, 'application/octet-stream');
  } finally {
    body.unpipe(counter);
    body.off('error', interrupted);
    body.off('close', interrupted);
  }
  if (size !== length) {
    await storage.delete(key).catch(() => undefined);
    throw wrong(size);
  }
}

/** The whole file: its parts read one after the other, each only when the previous one is done. */
export function readParts(storage: BlobStorage, upload: UploadShape): Readable {
  return Readable.from(
    (async function* () {
      for (let index = 0; index < partCount(upload); index++) {
        const read = await storage.get(uploadPartKey(upload.workspaceId, upload.id, index));
        if (!read) throw new Error(`part ${index} of upload ${upload.id} is missing`);
        yield* read.body;
      }
    })(),
    { objectMode: false },
  );
}

/**
 * Removes the parts of an upload that may exist: every accepted piece and the one that may have been
 * arriving. Never throws (a part already gone is fine; one left over is only wasted space).
 */
export async function removeParts(storage: BlobStorage, upload: UploadShape): Promise<void> {
  const stored = Math.min(partCount(upload), Math.floor(upload.receivedBytes / upload.chunkBytes) + 1);
  for (let index = 0; index < stored; index++) {
    await storage.delete(uploadPartKey(upload.workspaceId, upload.id, index)).catch(() => undefined);
  }
}
