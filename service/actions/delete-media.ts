import { bilingual, untranslated } from '#shared/i18n.js';
import { HttpError } from '../errors.js';
import type { MediaDeps } from '../media/deps.js';

/**
 * Deletes a medium: its row (drafts using it lose it: post_media cascades) and then its files. Refused
 * with media_in_use, naming the post, while a scheduled post uses it. The posts using it are locked
 * FOR SHARE first, so a post cannot become scheduled between the check and the delete.
 */
export async function deleteMedia(deps: MediaDeps, workspaceId: string, mediaId: string): Promise<void> {
  const row = await deps.knex.transaction(async (trx) => {
    const media = await trx('media').where({ id: mediaId, workspaceId }).forUpdate().first('id', 'storageKey', 'thumbnailKey');
    if (!media) throw new HttpError('not_found', { en: 'We could not find that file in this workspace’s library.', de: 'Wir konnten diese Datei in der Mediathek dieses Arbeitsbereichs nicht finden.' });
    const scheduled = await trx('postMedia as pm')
      .join('posts as p', 'p.id', 'pm.postId')
      .where('pm.mediaId', mediaId)
      .forShare('p')
      .select('p.id', 'p.title', 'p.status')
      .then((posts: Array<{ id: string; title: string | null; status: string }>) => posts.filter((post) => post.status === 'scheduled'));
    const first = scheduled[0];
    if (first) {
      const name = first.title ? { en: `“${first.title}”`, de: `„${first.title}“` } : { en: 'an untitled post', de: 'ohne Titel' };
      const more = scheduled.length > 1 ? bilingual({ en: ' and {count} more', de: ' und {count} weiteren' }, { count: scheduled.length - 1 }) : untranslated('');
      throw new HttpError('media_in_use', bilingual({
        en: 'This file is used by the scheduled post {name} ({id}){more}. Unschedule the post or remove the file from it first.',
        de: 'Diese Datei wird vom geplanten Beitrag {name} ({id}){more} verwendet. Heben Sie zuerst die Planung des Beitrags auf oder entfernen Sie die Datei daraus.',
      }, { name, id: first.id, more }));
    }
    await trx('media').where({ id: mediaId }).delete();
    return media as { storageKey: string; thumbnailKey: string | null };
  });
  // The row is gone, so no address is signed for these files any more; a file left behind by a failed
  // delete is unreachable, and logged so an operator can remove it.
  for (const key of [row.storageKey, row.thumbnailKey]) {
    if (key) await deps.storage.delete(key).catch((error: unknown) => deps.logger.warn('media file not deleted', { mediaId, key, error }));
  }
}
