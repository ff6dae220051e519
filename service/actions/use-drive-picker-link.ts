import type { Knex } from 'knex';
import type { Config } from '../config.js';
import { keyedHash } from '../lib/tokens.js';

/** A picker link as stored. */
export interface DrivePickerLink {
  id: string;
  userId: string;
  fileId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * Spends a picker link: answers it and marks it used when it exists, is unused and has not expired;
 * null otherwise (one atomic update, so two tabs cannot both open it).
 */
export async function useDrivePickerLink(knex: Knex, config: Pick<Config, 'appSecret'>, token: string | undefined): Promise<DrivePickerLink | null> {
  if (!token || token.length > 200) return null;
  const [row] = (await knex('drive_picker_links')
    .where({ tokenHash: keyedHash(config.appSecret, token) })
    .whereNull('usedAt')
    .where('expiresAt', '>', knex.fn.now())
    .update({ usedAt: knex.fn.now() })
    .returning(['id', 'userId', 'fileId', 'expiresAt', 'usedAt'])) as DrivePickerLink[];
  return row ?? null;
}

/** An opened, unexpired link by id (the sandbox picker's form posts it back). */
export async function openedDrivePickerLink(knex: Knex, id: string | undefined): Promise<DrivePickerLink | null> {
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const row = (await knex('drive_picker_links').where({ id }).whereNotNull('usedAt').where('expiresAt', '>', knex.fn.now()).first()) as DrivePickerLink | undefined;
  return row ?? null;
}
