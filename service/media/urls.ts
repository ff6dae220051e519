import type { Config } from '../config.js';
import type { BlobStorage } from '../storage/index.js';

/** Signed addresses are valid until the end of a 5-minute window, so repeated reads give the same URL (browser cache). */
const WINDOW_MS = 5 * 60_000;

/** When addresses signed now expire: at least MEDIA_URL_TTL_SECONDS from now, rounded up to the window. */
export function urlExpiry(config: Pick<Config, 'media'>, now = Date.now()): Date {
  return new Date(Math.ceil((now + config.media.urlTtlSeconds * 1000) / WINDOW_MS) * WINDOW_MS);
}

/** What a signed address needs to know about the file it points at. */
export interface SignableFile {
  kind: 'image' | 'video' | 'document';
  mimeType: string;
  storageKey: string;
  thumbnailKey: string | null;
  originalFilename: string | null;
}

/** Signed addresses of a file and its thumbnail. */
export interface SignedFile {
  url: string;
  thumbnailUrl: string | null;
  expiresAt: Date;
}

/**
 * Signs a file's addresses. Documents are served as downloads (`attachment`), images and videos inline;
 * thumbnails are always WebP. Only members ever receive these (P14): the routes that present media check
 * membership first, and the address stops working at `expiresAt`.
 */
export async function signFile(storage: BlobStorage, file: SignableFile, expiresAt: Date): Promise<SignedFile> {
  const [url, thumbnailUrl] = await Promise.all([
    storage.signedUrl(file.storageKey, {
      expiresAt,
      contentType: file.mimeType,
      filename: file.originalFilename,
      disposition: file.kind === 'document' ? 'attachment' : 'inline',
    }),
    file.thumbnailKey ? storage.signedUrl(file.thumbnailKey, { expiresAt, contentType: 'image/webp', disposition: 'inline' }) : null,
  ]);
  return { url, thumbnailUrl, expiresAt };
}

/** The signed address of an avatar's square thumbnail, or null when the person has none. */
export async function avatarUrlOf(
  deps: { storage: BlobStorage; config: Pick<Config, 'media'> },
  user: { avatarThumbnailKey?: string | null },
): Promise<string | null> {
  if (!user.avatarThumbnailKey) return null;
  return deps.storage.signedUrl(user.avatarThumbnailKey, { expiresAt: urlExpiry(deps.config), contentType: 'image/webp', disposition: 'inline' });
}
