import type { Knex } from 'knex';
import { MEDIA_FETCH_REASONS, type MediaFetch, type PostMedia } from '#shared/api/media.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import type { PostWithAuthor } from '../models/post.js';
import { presentPostMedia } from '../presenters/media.js';
import type { BlobStorage } from '../storage/index.js';
import { signFile, urlExpiry } from './urls.js';

const NOT_IN_LIBRARY = { en: 'is not a file of this workspace’s library', de: 'ist keine Datei aus der Mediathek dieses Arbeitsbereichs' };

/** A post with what the API shows beside its columns: its media in order and its capture's media fetch. */
export type PostWithMedia = PostWithAuthor & { media: PostMedia[]; mediaFetch: MediaFetch | null };

/**
 * Replaces a post's media with `mediaIds`, in that order. Every id must be a medium of the same
 * workspace (also guaranteed by post_media's foreign keys); the ones that are not are named by position.
 */
export async function setPostMedia(trx: Knex.Transaction, workspaceId: string, postId: string, mediaIds: readonly string[]): Promise<void> {
  if (mediaIds.length > 0) {
    const found = new Set(
      (await trx('media').where('workspaceId', workspaceId).whereIn('id', mediaIds).select('id')).map((row: { id: string }) => row.id),
    );
    const missing = mediaIds.flatMap((id, index) => (found.has(id) ? [] : [{ path: `mediaIds.${index}`, message: NOT_IN_LIBRARY }]));
    if (missing.length > 0) {
      throw new HttpError('validation_failed', missing.length === 1
      ? { en: 'One of the files is not in this workspace’s library.', de: 'Eine der Dateien ist nicht in der Mediathek dieses Arbeitsbereichs.' }
      : { en: 'Some files are not in this workspace’s library.', de: 'Einige Dateien sind nicht in der Mediathek dieses Arbeitsbereichs.' }, missing);
    }
  }
  await trx('postMedia').where({ postId }).delete();
  if (mediaIds.length > 0) {
    await trx('postMedia').insert(mediaIds.map((mediaId, position) => ({ workspaceId, postId, mediaId, position })));
  }
}

/**
 * Puts a medium first in a post's media, moving the others one place down (one UPDATE: the position
 * constraint is checked at the end of the statement). The caller holds the post's row lock.
 */
export async function putMediaFirst(trx: Knex.Transaction, workspaceId: string, postId: string, mediaId: string): Promise<void> {
  await trx('postMedia').where({ postId }).increment('position', 1);
  await trx('postMedia').insert({ workspaceId, postId, mediaId, position: 0 });
}

/** Loads the media and capture-fetch state of `posts` (two queries whatever their number) and signs the addresses. */
export async function withMedia(
  deps: { knex: Knex; storage: BlobStorage; config: Pick<Config, 'media'> },
  posts: PostWithAuthor[],
): Promise<PostWithMedia[]> {
  if (posts.length === 0) return [];
  const ids = posts.map((post) => post.id);
  const [mediaRows, fetchRows] = await Promise.all([
    deps.knex('postMedia as pm')
      .join('media as m', 'm.id', 'pm.mediaId')
      .whereIn('pm.postId', ids)
      .orderBy([{ column: 'pm.postId' }, { column: 'pm.position' }])
      .select('pm.postId', 'm.id', 'm.kind', 'm.mimeType', 'm.width', 'm.height', 'm.durationSeconds', 'm.storageKey', 'm.thumbnailKey', 'm.originalFilename'),
    // Only image and video captures have a fetch row; skip the query when there are none on this page.
    posts.some((post) => post.source?.kind === 'image' || post.source?.kind === 'video')
      ? deps.knex('captureMediaFetches').whereIn('postId', ids).select('postId', 'state', 'reason', 'message')
      : [],
  ]);
  const expiresAt = urlExpiry(deps.config);
  type Row = Parameters<typeof presentPostMedia>[0] & { postId: string; storageKey: string; thumbnailKey: string | null; originalFilename: string | null };
  const rows = mediaRows as Row[];
  const signed = await Promise.all(rows.map((row) => signFile(deps.storage, row, expiresAt)));
  const media = new Map<string, PostMedia[]>();
  rows.forEach((row, index) => {
    const list = media.get(row.postId) ?? [];
    list.push(presentPostMedia(row, signed[index]!));
    media.set(row.postId, list);
  });
  const fetches = new Map(fetchRows.map((row: MediaFetch & { postId: string }) => [row.postId, presentFetch(row)]));
  return posts.map((post) => ({ ...post, media: media.get(post.id) ?? [], mediaFetch: fetches.get(post.id) ?? null }));
}

/** One post with its media (see withMedia). */
export async function oneWithMedia(deps: Parameters<typeof withMedia>[0], post: PostWithAuthor): Promise<PostWithMedia> {
  return (await withMedia(deps, [post]))[0]!;
}

function presentFetch(row: { state: MediaFetch['state']; reason: string | null; message: string | null }): MediaFetch {
  const reason = (MEDIA_FETCH_REASONS as readonly string[]).includes(row.reason ?? '') ? (row.reason as MediaFetch['reason']) : null;
  return { state: row.state, reason, message: row.message };
}
