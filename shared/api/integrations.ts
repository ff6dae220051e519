import { z } from 'zod';
import { IMPORT_PROVIDERS, IMPORT_SOURCE_ID, type ImportProvider } from '../imports/source-url.js';
import { zodMessage } from '../i18n.js';
import { Timestamp } from './common.js';

/** What people read for each provider. */
export const INTEGRATION_NAMES: Record<ImportProvider, string> = { canva: 'Canva', google_drive: 'Google Drive' };

/**
 * How much of a person's Drive Minopa may read: `file` (scope `drive.file`: only the files they pick in
 * Google's picker or open with Minopa — the default, and the one Google counts as non-sensitive) or
 * `readonly` (`drive.readonly`: every file, only if the person chooses it).
 */
export const DRIVE_ACCESS = ['file', 'readonly'] as const;
export type DriveAccess = (typeof DRIVE_ACCESS)[number];

/** A connection's state: working, or refused by the vendor (the person must connect again). */
export const INTEGRATION_STATUSES = ['connected', 'reconnect_needed'] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];

export const IntegrationProviderSchema = z.enum(IMPORT_PROVIDERS, {
  message: zodMessage({ en: `must be one of ${IMPORT_PROVIDERS.join(', ')}`, de: `muss einer dieser Werte sein: ${IMPORT_PROVIDERS.join(', ')}` }),
});

/**
 * A person's connection to their own Canva or Google account (P9: only the fields the privacy policy
 * lists — Canva user id, team id and display name; Drive email, display name and storage quota).
 */
export const IntegrationConnection = z
  .object({
    status: z.enum(INTEGRATION_STATUSES),
    displayName: z.string().nullable(),
    email: z.string().nullable().meta({ description: 'Google Drive: the Google account’s address. Canva: null.' }),
    canvaUserId: z.string().nullable(),
    canvaTeamId: z.string().nullable(),
    storageLimit: z.number().nullable().meta({ description: 'Google Drive: the quota in bytes (null when unlimited).' }),
    storageUsage: z.number().nullable().meta({ description: 'Google Drive: bytes used.' }),
    access: z.enum(DRIVE_ACCESS).nullable().meta({ description: 'Google Drive: `file` (only picked files) or `readonly` (every file). Canva: null.' }),
    scopes: z.array(z.string()).meta({ description: 'The permissions the person granted.' }),
    connectedAt: Timestamp,
  })
  .meta({ id: 'IntegrationConnection' });
export type IntegrationConnection = z.output<typeof IntegrationConnection>;

/** A provider as this service offers it, with the signed-in person's connection (null: not connected). */
export const Integration = z
  .object({
    provider: IntegrationProviderSchema,
    name: z.string(),
    available: z.boolean().meta({ description: 'False in production when the operator configured no app for this provider.' }),
    sandbox: z.boolean().meta({ description: 'True when connecting goes to the local simulator (no real Canva or Google involved).' }),
    connection: IntegrationConnection.nullable(),
  })
  .meta({ id: 'Integration' });
export type Integration = z.output<typeof Integration>;
export const IntegrationList = z.object({ items: z.array(Integration) }).meta({ id: 'IntegrationList' });
export type IntegrationList = z.output<typeof IntegrationList>;

export const IntegrationParams = z.strictObject({ provider: IntegrationProviderSchema });

export const StartIntegrationInput = z
  .strictObject({
    access: z
      .enum(DRIVE_ACCESS, { message: zodMessage({ en: 'must be file or readonly', de: 'muss file oder readonly sein' }) })
      .default('file')
      .meta({ description: 'Google Drive only: `file` (default, only files you pick) or `readonly` (all your files).' }),
  })
  .meta({ id: 'StartIntegrationInput' });

/** Where to send the person to connect: the vendor's authorization page, valid until `expiresAt`. */
export const IntegrationConnectStart = z
  .object({ authorizeUrl: z.string(), expiresAt: Timestamp, sandbox: z.boolean() })
  .meta({ id: 'IntegrationConnectStart' });

/** The answer to a disconnect: `revoked` is false when the vendor could not be told (the connection is gone here anyway). */
export const IntegrationDisconnected = z
  .object({ revoked: z.boolean().meta({ description: 'Whether the vendor confirmed revoking Minopa’s access.' }) })
  .meta({ id: 'IntegrationDisconnected' });

/** Which Drive file to choose in the Google Picker (drive.file reaches only picked files). */
export const DrivePickerLinkInput = z
  .strictObject({ fileId: z.string().regex(IMPORT_SOURCE_ID, { message: zodMessage({ en: 'is not a Drive file id', de: 'ist keine Drive-Datei-ID' }) }) })
  .meta({ id: 'DrivePickerLinkInput' });

/** A single-use link to the picker page (open it in a tab), valid until `expiresAt`. */
export const DrivePickerLink = z.object({ url: z.string(), expiresAt: Timestamp }).meta({ id: 'DrivePickerLink' });
