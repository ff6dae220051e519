import { randomUUID } from 'node:crypto';

/**
 * Storage keys. They are built here from ids the service generated, never from anything a person sent
 * (file names stay in the database), so a key can neither escape the media folder nor collide.
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEY = new RegExp(`^(media|avatars)/(${UUID})/(${UUID})/(original|thumbnail)$`);
/** A person's data export (P27): one archive per export. */
const EXPORT_KEY = new RegExp(`^exports/(${UUID})/(${UUID})/archive$`);
/** Pieces of a resumable upload: never served (parseKey does not know them), removed once assembled. */
const UPLOAD_PART_KEY = new RegExp(`^uploads/${UUID}/${UUID}/part-\\d{1,6}$`);

/** The keys of one medium of a workspace: the file and, for images, its thumbnail. */
export function mediaKeys(workspaceId: string, mediaId: string): { original: string; thumbnail: string } {
  return { original: `media/${workspaceId}/${mediaId}/original`, thumbnail: `media/${workspaceId}/${mediaId}/thumbnail` };
}

/** Fresh keys for a person's avatar; a new pair per upload, so an old signed address never shows the new picture. */
export function avatarKeys(userId: string): { original: string; thumbnail: string } {
  const version = randomUUID();
  return { original: `avatars/${userId}/${version}/original`, thumbnail: `avatars/${userId}/${version}/thumbnail` };
}

/** The key of piece `index` (from 0) of a resumable upload of a workspace. */
export function uploadPartKey(workspaceId: string, uploadId: string, index: number): string {
  return `uploads/${workspaceId}/${uploadId}/part-${index}`;
}

/** The key of a person's data export archive. */
export function exportKey(userId: string, exportId: string): string {
  return `exports/${userId}/${exportId}/archive`;
}

/** What a key names, or null when it is not a key this service makes. */
export type ParsedKey =
  | { area: 'media'; workspaceId: string; mediaId: string; variant: 'original' | 'thumbnail' }
  | { area: 'avatars'; userId: string; version: string; variant: 'original' | 'thumbnail' }
  | { area: 'exports'; userId: string; exportId: string; variant: 'archive' };

/** Parses a key (e.g. from a signed address); null for anything this module would not have made. */
export function parseKey(key: string): ParsedKey | null {
  const exported = EXPORT_KEY.exec(key);
  if (exported) return { area: 'exports', userId: exported[1]!, exportId: exported[2]!, variant: 'archive' };
  const match = KEY.exec(key);
  if (!match) return null;
  const [, area, owner, id, variant] = match as unknown as [string, 'media' | 'avatars', string, string, 'original' | 'thumbnail'];
  return area === 'media'
    ? { area, workspaceId: owner, mediaId: id, variant }
    : { area, userId: owner, version: id, variant };
}

/** True for keys this module makes: the only ones storage backends accept. */
export function isStorageKey(key: string): boolean {
  return KEY.test(key) || EXPORT_KEY.test(key) || UPLOAD_PART_KEY.test(key);
}
