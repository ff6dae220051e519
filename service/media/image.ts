import type { Readable } from 'node:stream';
import sharp from 'sharp';

// One long-running process: libvips' operation cache would only hold memory between unrelated uploads.
sharp.cache(false);

/** Images larger than this many pixels are refused before decoding (decompression bombs). */
const MAX_PIXELS = 100_000_000;
const THUMBNAIL_PX = 512;
const AVATAR_PX = 256;

/** What the library keeps about an image besides the file. */
export interface ImageDetails {
  /** As displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** WebP, without the original's metadata (no EXIF location leaks into previews). */
  thumbnail: Buffer;
}

/**
 * Reads an image's size and makes its preview: `fit` keeps the aspect ratio within 512 px, `square`
 * crops the 256 px avatar around the most interesting region. Animated images use their first frame.
 * Throws when the bytes do not decode (the caller answers media_unreadable).
 */
export async function imageDetails(input: Readable, shape: 'fit' | 'square'): Promise<ImageDetails> {
  const image = sharp({ failOn: 'error', limitInputPixels: MAX_PIXELS, sequentialRead: true });
  input.on('error', (error) => image.destroy(error));
  input.pipe(image);
  const metadata = await image.metadata();
  if (!metadata.width || !metadata.height) throw new Error('image has no size');
  const turned = (metadata.orientation ?? 1) >= 5;
  const resized =
    shape === 'square'
      ? image.rotate().resize(AVATAR_PX, AVATAR_PX, { fit: 'cover', position: sharp.strategy.attention })
      : image.rotate().resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true });
  const thumbnail = await resized.webp({ quality: 80 }).toBuffer();
  return { width: turned ? metadata.height : metadata.width, height: turned ? metadata.width : metadata.height, thumbnail };
}
