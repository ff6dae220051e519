import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Config } from '../config.js';
import { usableConnection } from '../imports/connection.js';
import { keyedHash } from '../lib/tokens.js';

/** How long a picker link may be opened after it was made. */
export const DRIVE_PICKER_LINK_TTL_MS = 10 * 60_000;

/** The page a picker link opens (below PUBLIC_URL). */
export const DRIVE_PICKER_PATH = '/integrations/google_drive/picker';

/**
 * Makes a single-use link to the Google Picker page for `fileId`, bound to the person (who must have a
 * working Drive connection). Only the keyed hash of its token is stored; the link opens once, within
 * DRIVE_PICKER_LINK_TTL_MS.
 */
export async function openDrivePickerLink(knex: Knex, config: Config, request: { userId: string; fileId: string }): Promise<{ url: string; expiresAt: Date }> {
  await usableConnection(knex, config, request.userId, 'google_drive');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + DRIVE_PICKER_LINK_TTL_MS);
  // Expired links are useless; clearing them here keeps the table small.
  await knex('drive_picker_links').where('expiresAt', '<', knex.fn.now()).delete();
  await knex('drive_picker_links').insert({ tokenHash: keyedHash(config.appSecret, token), userId: request.userId, fileId: request.fileId, expiresAt });
  const query = new URLSearchParams({ fileId: request.fileId, token });
  return { url: `${config.publicUrl}${DRIVE_PICKER_PATH}?${query}`, expiresAt };
}
