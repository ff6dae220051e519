import type { Knex } from 'knex';
import type { z } from 'zod';
import type { CanvaDesignPreview, DriveFilePreview } from '#shared/api/imports.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { getCanvaDesign } from '../imports/canva/designs.js';
import { driveFileOnly, usableConnection } from '../imports/connection.js';
import { previewError } from '../imports/failures.js';
import { withFreshAccessToken } from '../imports/fresh-token.js';
import { exportChoices, getDriveFile } from '../imports/google-drive/files.js';

interface Deps {
  knex: Knex;
  config: Config;
  logger: Logger;
}

/** A Canva design's title, pages and thumbnail through the person's connection (409 / 403 import_no_access / 404). */
export async function previewCanvaDesign(deps: Deps, userId: string, designId: string): Promise<z.output<typeof CanvaDesignPreview>> {
  const connection = await usableConnection(deps.knex, deps.config, userId, 'canva');
  try {
    const design = await withFreshAccessToken(deps, connection, (token, context) => getCanvaDesign(context, token, designId));
    return { designId, title: design.title, pageCount: design.pageCount, thumbnailUrl: design.thumbnailUrl };
  } catch (error) {
    throw previewError(error, 'canva', false);
  }
}

/** A Drive file's name, type, size and export choices through the person's connection (409 / 403 import_no_access / 404). */
export async function previewDriveFile(deps: Deps, userId: string, fileId: string): Promise<z.output<typeof DriveFilePreview>> {
  const connection = await usableConnection(deps.knex, deps.config, userId, 'google_drive');
  try {
    const file = await withFreshAccessToken(deps, connection, (token, context) => getDriveFile(context, token, fileId));
    return { fileId, name: file.name, mimeType: file.mimeType, sizeBytes: file.sizeBytes, exportAs: exportChoices(file.mimeType) };
  } catch (error) {
    throw previewError(error, 'google_drive', driveFileOnly(connection));
  }
}
