import { Readable } from 'node:stream';
import type { BlobStorage } from '../storage/index.js';
import { imageDetails } from './image.js';

/**
 * Stores `image` as the library preview under `key`: decoded and made into the same 512 px WebP an
 * uploaded image gets (metadata dropped, decompression bombs refused). For media whose own bytes give
 * no picture — a video, a PDF — when a vendor supplies one (an imported Canva design's or Drive file's
 * thumbnail). Throws when the bytes are no image; nothing is stored then.
 */
export async function storeThumbnail(storage: BlobStorage, key: string, image: Readable): Promise<void> {
  const { thumbnail } = await imageDetails(image, 'fit');
  await storage.put(key, Readable.from([thumbnail]), 'image/webp');
}
