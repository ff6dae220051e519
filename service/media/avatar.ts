import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { safeFetch } from '../lib/safe-fetch.js';
import type { Resolve } from '../lib/safe-fetch.js';
import { avatarKeys } from '../storage/keys.js';
import type { MediaDeps } from './deps.js';
import { discard, ingest } from './ingest.js';

type AvatarKeys = { avatarKey: string | null; avatarThumbnailKey: string | null };

/**
 * Stores an image as the person's avatar (P1) with its 256 px square thumbnail, through the same
 * pipeline as every upload (type from the bytes, image limit, decoded by sharp). An 'import' (Google's
 * picture) never replaces an avatar the person uploaded. The previous avatar's files are removed.
 * Returns false when nothing was changed (no such person, or an import over an upload).
 */
export async function setAvatar(
  deps: Pick<MediaDeps, 'knex' | 'storage' | 'config' | 'logger'>,
  userId: string,
  file: { body: Readable; declaredLength?: number | undefined },
  source: 'upload' | 'import',
): Promise<boolean> {
  const stored = await ingest(file.body, {
    storage: deps.storage,
    maxBytes: deps.config.media.maxBytes,
    kinds: ['image'],
    keys: avatarKeys(userId),
    declaredLength: file.declaredLength,
    thumbnail: 'square',
  });
  let previous: AvatarKeys | undefined;
  try {
    previous = await deps.knex.transaction(async (trx) => {
      const current = (await trx('users').where('id', userId).forUpdate().first('avatarKey', 'avatarThumbnailKey', 'avatarSource')) as
        | (AvatarKeys & { avatarSource: string | null })
        | undefined;
      if (!current || (source === 'import' && current.avatarSource === 'upload')) return undefined;
      await trx('users').where('id', userId).update({
        avatarKey: stored.storageKey,
        avatarThumbnailKey: stored.thumbnailKey,
        avatarMimeType: stored.mimeType,
        avatarSource: source,
        updatedAt: trx.fn.now(),
      });
      return current;
    });
  } catch (error) {
    await discard(deps.storage, stored);
    throw error;
  }
  if (!previous) {
    await discard(deps.storage, stored);
    return false;
  }
  await removeFiles(deps, previous);
  return true;
}

/** Removes the person's avatar and its files; nothing happens when there is none. */
export async function removeAvatar(deps: Pick<MediaDeps, 'knex' | 'storage' | 'logger'>, userId: string): Promise<void> {
  const previous = await deps.knex.transaction(async (trx: Knex.Transaction) => {
    const current = (await trx('users').where('id', userId).forUpdate().first('avatarKey', 'avatarThumbnailKey')) as AvatarKeys | undefined;
    await trx('users').where('id', userId).update({ avatarKey: null, avatarThumbnailKey: null, avatarMimeType: null, avatarSource: null, updatedAt: trx.fn.now() });
    return current;
  });
  if (previous) await removeFiles(deps, previous);
}

/**
 * For Google sign-in: fetches the picture at `url` under the SSRF guard (public addresses only, image
 * size and time limits) and stores it as the person's avatar unless they uploaded one. Best effort:
 * never throws — a picture that cannot be had is logged and the account simply has no avatar.
 */
export async function importAvatarFromUrl(
  deps: Pick<MediaDeps, 'knex' | 'storage' | 'config' | 'logger'> & { resolve?: Resolve },
  userId: string,
  url: string,
): Promise<void> {
  try {
    const response = await safeFetch(url, {
      timeoutMs: deps.config.media.fetchTimeoutMs,
      allowedAddresses: deps.config.media.fetchAllowedAddresses,
      headers: { Accept: 'image/*' },
      ...(deps.resolve ? { resolve: deps.resolve } : {}),
    });
    if (response.status !== 200) {
      response.body.destroy();
      deps.logger.warn('avatar not imported: the picture address did not answer 200', { userId, status: response.status });
      return;
    }
    const length = Number(response.headers['content-length']);
    try {
      await setAvatar(deps, userId, { body: response.body, declaredLength: Number.isFinite(length) ? length : undefined }, 'import');
    } finally {
      response.body.destroy();
    }
  } catch (error) {
    deps.logger.warn('avatar not imported', { userId, error: error instanceof Error ? error.message : String(error) });
  }
}

async function removeFiles(deps: Pick<MediaDeps, 'storage' | 'logger'>, keys: AvatarKeys): Promise<void> {
  for (const key of [keys.avatarKey, keys.avatarThumbnailKey]) {
    if (key) await deps.storage.delete(key).catch((error: unknown) => deps.logger.warn('old avatar file not deleted', { key, error }));
  }
}
