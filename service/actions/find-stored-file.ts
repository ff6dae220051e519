import type { Knex } from 'knex';
import type { parseKey } from '../storage/keys.js';

/** How a stored file is presented, read from its row: deleting the row ends every address at once. */
export interface StoredFile {
  contentType: string;
  disposition: 'inline' | 'attachment';
  filename: string | null;
}

/**
 * What a signed storage key serves, read from the row that owns it (media of a workspace, a user's
 * avatar, or a person's data export): null when the row is gone or no longer points at that key, so deleting a row ends every link.
 */
export async function findStoredFile(knex: Knex, parsed: NonNullable<ReturnType<typeof parseKey>>, key: string): Promise<StoredFile | null> {
  if (parsed.area === 'media') {
    const row = await knex('media')
      .where({ id: parsed.mediaId, workspaceId: parsed.workspaceId })
      .first('kind', 'mimeType', 'originalFilename', 'storageKey', 'thumbnailKey');
    if (!row) return null;
    if (parsed.variant === 'thumbnail') return row.thumbnailKey === key ? { contentType: 'image/webp', disposition: 'inline', filename: null } : null;
    if (row.storageKey !== key) return null;
    return { contentType: row.mimeType, disposition: row.kind === 'document' ? 'attachment' : 'inline', filename: row.originalFilename };
  }
  if (parsed.area === 'exports') {
    // Only a ready export that has not expired: the archive is gone for good after its 7 days.
    const row = await knex('dataExports').where({ id: parsed.exportId, userId: parsed.userId, status: 'ready' }).where('expiresAt', '>', knex.fn.now()).first('storageKey', 'finishedAt');
    if (!row || row.storageKey !== key) return null;
    return { contentType: 'application/zip', disposition: 'attachment', filename: `minopa-export-${(row.finishedAt as Date).toISOString().slice(0, 10)}.zip` };
  }
  const user = await knex('users').where({ id: parsed.userId }).first('avatarKey', 'avatarThumbnailKey', 'avatarMimeType');
  if (!user) return null;
  if (user.avatarThumbnailKey === key) return { contentType: 'image/webp', disposition: 'inline', filename: null };
  if (user.avatarKey === key) return { contentType: user.avatarMimeType, disposition: 'inline', filename: null };
  return null;
}
