import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { MEDIA_KINDS, type MediaKind } from '#shared/media-types.js';
import type { MediaDeps } from '../media/deps.js';
import { discard, ingest, type IngestedFile } from '../media/ingest.js';
import type { MediaRow } from '../models/media.js';
import { mediaKeys } from '../storage/keys.js';
import { assertCanStore } from '../billing/limits.js';

/** One file arriving for the library. */
export interface NewMedia {
  workspaceId: string;
  uploadedBy: string | null;
  body: Readable;
  declaredLength?: number | undefined;
  /** As the person's computer named it; kept for display and downloads, never used as a path. */
  filename?: string | null;
  /** Where a captured image or video came from. */
  sourceUrl?: string | null;
  /** Kinds accepted on this path (default: all). */
  kinds?: readonly MediaKind[];
}

/** A file stored under its new id whose row is still to be written (see `insertMedia`). */
export interface StoredMedia {
  id: string;
  file: NewMedia;
  stored: IngestedFile;
}

/** Streams a file into storage (type and size from its bytes) under keys made from a new id. No transaction is open meanwhile. */
export async function storeMedia(deps: Pick<MediaDeps, 'storage' | 'config'>, file: NewMedia): Promise<StoredMedia> {
  const id = randomUUID();
  const stored = await ingest(file.body, {
    storage: deps.storage,
    maxBytes: deps.config.media.maxBytes,
    kinds: file.kinds ?? MEDIA_KINDS,
    keys: mediaKeys(file.workspaceId, id),
    declaredLength: file.declaredLength,
    thumbnail: 'fit',
  });
  return { id, file, stored };
}

/** Writes the row of a stored file (with `trx` inside a caller's transaction). */
export async function insertMedia(db: Knex | Knex.Transaction, media: StoredMedia): Promise<MediaRow> {
  const { id, file, stored } = media;
  const [row] = await db('media')
    .insert({
      id,
      workspaceId: file.workspaceId,
      uploadedBy: file.uploadedBy,
      kind: stored.kind,
      mimeType: stored.mimeType,
      sizeBytes: stored.sizeBytes,
      originalFilename: cleanFilename(file.filename),
      width: stored.width,
      height: stored.height,
      durationSeconds: stored.durationSeconds,
      storageKey: stored.storageKey,
      thumbnailKey: stored.thumbnailKey,
      sourceUrl: file.sourceUrl ?? null,
    })
    .returning('*');
  return { ...row, uploaderFirstName: null, uploaderLastName: null } as MediaRow;
}

/** Stores a file and writes its row; if the row cannot be written, the stored files are removed. */
export async function uploadMedia(deps: Pick<MediaDeps, 'knex' | 'storage' | 'config'>, file: NewMedia): Promise<MediaRow> {
  // The plan's media storage (402 plan_limit_reached): before a byte is stored when the size is declared, and for the real size.
  if (file.declaredLength) await assertCanStore(deps.knex, deps.config, file.workspaceId, file.declaredLength);
  const media = await storeMedia(deps, file);
  try {
    await assertCanStore(deps.knex, deps.config, file.workspaceId, media.stored.sizeBytes);
    return await insertMedia(deps.knex, media);
  } catch (error) {
    await discard(deps.storage, media.stored);
    throw error;
  }
}

/** The last path segment, without control characters, at most 255 characters; null when nothing is left. */
export function cleanFilename(name: string | null | undefined): string | null {
  if (!name) return null;
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base ? base.slice(0, 255) : null;
}
