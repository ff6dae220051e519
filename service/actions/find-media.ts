import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import type { MediaRow } from '../models/media.js';

const MEDIA_COLUMNS = [
  'm.id', 'm.workspaceId', 'm.uploadedBy', 'm.kind', 'm.mimeType', 'm.sizeBytes', 'm.originalFilename', 'm.width', 'm.height',
  'm.durationSeconds', 'm.storageKey', 'm.thumbnailKey', 'm.sourceUrl', 'm.createdAt',
  'u.firstName as uploaderFirstName', 'u.lastName as uploaderLastName',
];

/** Media (aliased `m`) joined with their uploader's name. */
export function selectMediaWithUploader(knex: Knex): Knex.QueryBuilder {
  return knex.from('media as m').leftJoin('users as u', 'u.id', 'm.uploadedBy').select(MEDIA_COLUMNS);
}

/** One medium of the workspace; 404 for one of another workspace, exactly like an unknown id (P14). */
export async function findMedia(knex: Knex, workspaceId: string, mediaId: string): Promise<MediaRow> {
  const row = (await selectMediaWithUploader(knex).where({ 'm.id': mediaId, 'm.workspaceId': workspaceId }).first()) as MediaRow | undefined;
  if (!row) throw new HttpError('not_found', { en: 'We could not find that file in this workspace’s library.', de: 'Wir konnten diese Datei in der Mediathek dieses Arbeitsbereichs nicht finden.' });
  return row;
}
