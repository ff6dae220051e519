import { Readable, Transform } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import type { MediaKind, MediaMimeType } from '#shared/media-types.js';
import type { MediaConfig } from '../config.js';
import { HttpError } from '../errors.js';
import type { BlobStorage } from '../storage/index.js';
import { imageDetails } from './image.js';
import { kindOf, tooLarge, typeNotAllowed } from './limits.js';
import { videoProbe } from './video-probe.js';

/** file-type's advice: enough of the start of a file to recognise every format it knows. */
const SNIFF_BYTES = 4100;

/** Where and how one upload is stored. */
export interface IngestOptions {
  storage: BlobStorage;
  maxBytes: MediaConfig['maxBytes'];
  /** Kinds this path accepts (avatars and captured images: images only). */
  kinds: readonly MediaKind[];
  keys: { original: string; thumbnail: string };
  /** The Content-Length the client announced, if any: refused at once when over the limit. */
  declaredLength?: number | undefined;
  /** `fit`: library preview; `square`: avatar. */
  thumbnail: 'fit' | 'square';
}

/** A stored file and what was learnt from its bytes. */
export interface IngestedFile {
  kind: MediaKind;
  mimeType: MediaMimeType;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  storageKey: string;
  thumbnailKey: string | null;
}

/**
 * The one upload pipeline (uploads, captured images, avatars): reads the first bytes to learn the type
 * (magic numbers, never the name), then streams the rest to storage through a counter that aborts the
 * moment the kind's limit is passed — storage then removes the partial object. Videos are probed for
 * duration on the way through; images are decoded afterwards for their size and thumbnail. Memory stays
 * bounded by the stream's buffers whatever the file's size. Throws HttpErrors a person can act on.
 */
export async function ingest(source: Readable, options: IngestOptions): Promise<IngestedFile> {
  const largest = Math.max(...options.kinds.map((kind) => options.maxBytes[kind]));
  if (options.declaredLength !== undefined && options.declaredLength > largest && options.kinds.length === 1) {
    throw tooLarge(options.kinds[0]!, largest, options.declaredLength);
  }
  const head = await readHead(source, SNIFF_BYTES);
  if (head.length === 0) throw new HttpError('media_empty');
  const detected = await fileTypeFromBuffer(head);
  const kind = kindOf(detected?.mime);
  if (!kind || !options.kinds.includes(kind)) throw typeNotAllowed(detected ? `${detected.ext.toUpperCase()} (${detected.mime})` : undefined, options.kinds);
  const mimeType = detected!.mime as MediaMimeType;
  const limit = options.maxBytes[kind];
  if (options.declaredLength !== undefined && options.declaredLength > limit) throw tooLarge(kind, limit, options.declaredLength);

  const probe = kind === 'video' ? videoProbe(mimeType) : null;
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limit) return callback(tooLarge(kind, limit));
      probe?.feed(chunk);
      callback(null, chunk);
    },
  });
  // The head goes first, then the rest straight from the source. pipe, not pipeline: when the counter
  // fails, the request must stay open to carry the 413. (pipe also ends the counter when the source had
  // already ended, i.e. the whole file was in the head.)
  counter.write(head);
  const interrupted = (error?: Error) => {
    if (!source.readableEnded) counter.destroy(error ?? new HttpError('media_unreadable', { en: 'The upload was interrupted before the whole file arrived.', de: 'Der Upload wurde unterbrochen, bevor die ganze Datei angekommen ist.' }));
  };
  const closed = () => interrupted();
  source.once('error', interrupted);
  source.once('close', closed);
  source.pipe(counter);
  try {
    await options.storage.put(options.keys.original, counter, mimeType);
  } finally {
    source.unpipe(counter);
    source.off('error', interrupted);
    source.off('close', closed);
  }

  const stored: IngestedFile = {
    kind, mimeType, sizeBytes: size, width: null, height: null, durationSeconds: null, storageKey: options.keys.original, thumbnailKey: null,
  };
  try {
    if (kind === 'video') Object.assign(stored, videoDetailsOf(probe!));
    if (kind === 'image') {
      const read = await options.storage.get(options.keys.original);
      if (!read) throw new Error('the stored image vanished');
      const details = await imageDetails(read.body, options.thumbnail).catch((cause: unknown) => {
        throw Object.assign(new HttpError('media_unreadable', { en: 'This image could not be read. It may be damaged or cut short.', de: 'Dieses Bild konnte nicht gelesen werden. Es ist vielleicht beschädigt oder unvollständig.' }), { cause });
      });
      await options.storage.put(options.keys.thumbnail, Readable.from([details.thumbnail]), 'image/webp');
      Object.assign(stored, { width: details.width, height: details.height, thumbnailKey: options.keys.thumbnail });
    }
  } catch (error) {
    await discard(options.storage, stored);
    throw error;
  }
  return stored;
}

function videoDetailsOf(probe: ReturnType<typeof videoProbe>) {
  const { durationSeconds, width, height } = probe.result();
  return { durationSeconds, width, height };
}

/** Removes what `ingest` stored (after a later step failed); never throws. */
export async function discard(storage: BlobStorage, file: Pick<IngestedFile, 'storageKey' | 'thumbnailKey'>): Promise<void> {
  await storage.delete(file.storageKey).catch(() => undefined);
  if (file.thumbnailKey) await storage.delete(file.thumbnailKey).catch(() => undefined);
}

/** Reads at least `size` bytes (or the whole stream when shorter); leaves the stream paused. */
function readHead(stream: Readable, size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = () => {
      cleanup();
      resolve(Buffer.concat(chunks, length));
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while (length < size && (chunk = stream.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        length += chunk.length;
      }
      if (length >= size) finish();
    };
    const onEnd = () => finish();
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new HttpError('media_unreadable', { en: 'The upload was interrupted before the whole file arrived.', de: 'Der Upload wurde unterbrochen, bevor die ganze Datei angekommen ist.' }));
    };
    const cleanup = () => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}
