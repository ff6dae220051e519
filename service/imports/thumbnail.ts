import { Transform } from 'node:stream';
import type { StoredMedia } from '../actions/upload-media.js';
import type { Logger } from '../logger.js';
import type { MediaDeps } from '../media/deps.js';
import { storeThumbnail } from '../media/thumbnail.js';
import { mediaKeys } from '../storage/keys.js';
import type { OpenedDownload } from './download.js';

/** A vendor's thumbnail is a small picture (Canva's ~600 px, Drive's 220 px): more than this is not one. */
const MAX_THUMBNAIL_BYTES = 10 * 1024 * 1024;

/** Opens the vendor's thumbnail of what is imported (its address already checked against the vendor's hosts). */
export type OpenVendorThumbnail = () => Promise<OpenedDownload>;

/**
 * Gives a stored video or PDF the vendor's thumbnail of its design or file as its library preview (an
 * image makes its own from its bytes and keeps it). Best effort: an import does not fail for want of a
 * preview — the library then shows the kind's icon, as for any upload — unless the service is stopping
 * (`signal`), when the import is to continue elsewhere, preview included. Sets `media.stored.thumbnailKey`
 * once the preview is stored, so the row written next names it and a discard removes it too.
 */
export async function addVendorThumbnail(
  deps: Pick<MediaDeps, 'storage'> & { logger: Logger; signal?: AbortSignal | undefined },
  media: StoredMedia,
  open: OpenVendorThumbnail | null,
): Promise<void> {
  if (!open || media.stored.thumbnailKey) return;
  const key = mediaKeys(media.file.workspaceId, media.id).thumbnail;
  try {
    const opened = await open();
    let size = 0;
    const capped = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(size > MAX_THUMBNAIL_BYTES ? new Error('the thumbnail is larger than any thumbnail') : null, chunk);
      },
    });
    opened.body.once('error', (error) => capped.destroy(error));
    opened.body.pipe(capped);
    try {
      await storeThumbnail(deps.storage, key, capped);
    } finally {
      opened.body.destroy();
    }
    media.stored.thumbnailKey = key;
  } catch (error) {
    await deps.storage.delete(key).catch(() => undefined);
    if (deps.signal?.aborted) throw error;
    deps.logger.info('the vendor’s thumbnail could not be used; the medium has no preview', { mediaId: media.id, error: error instanceof Error ? error.message : String(error) });
  }
}
