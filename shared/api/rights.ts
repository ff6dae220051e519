import { z } from 'zod';
import { zodMessage } from '../i18n.js';
import { Id, Timestamp } from './common.js';

export const PRIVACY_REQUEST_KINDS = ['restriction', 'objection', 'access', 'rectification', 'erasure', 'portability', 'other'] as const;

export const PrivacyRequest = z
  .object({
    id: z.string(),
    kind: z.enum(PRIVACY_REQUEST_KINDS),
    details: z.string(),
    receivedAt: Timestamp,
    dueAt: Timestamp.meta({ description: 'The operator answers by then (30 days, P30).' }),
    resolvedAt: Timestamp.nullable(),
    resolution: z.string().nullable(),
  })
  .meta({ id: 'PrivacyRequest' });
export type PrivacyRequest = z.output<typeof PrivacyRequest>;

/** The person's objections and restriction (P29), in force at once, and their requests to the operator (P30). */
export const PrivacyRights = z
  .object({
    objectsToUsageStatistics: z.boolean(),
    objectsToMarketing: z.boolean(),
    restrictedAt: Timestamp.nullable().meta({ description: 'Since when processing is restricted: no usage statistics, no marketing, and the operator reviews the rest.' }),
    requests: z.array(PrivacyRequest),
  })
  .meta({ id: 'PrivacyRights' });
export type PrivacyRights = z.output<typeof PrivacyRights>;

const flag = z.boolean({ message: zodMessage({ en: 'must be true or false', de: 'muss true oder false sein' }) });

export const UpdatePrivacyRightsInput = z
  .strictObject({
    objectToUsageStatistics: flag.optional(),
    objectToMarketing: flag.optional(),
    restrictProcessing: flag.optional(),
  })
  .refine((input) => Object.keys(input).length > 0, { message: zodMessage({ en: 'must change at least one setting', de: 'muss mindestens eine Einstellung ändern' }) })
  .meta({ id: 'UpdatePrivacyRightsInput' });

export const CreatePrivacyRequestInput = z
  .strictObject({
    kind: z.enum(PRIVACY_REQUEST_KINDS, { message: zodMessage({ en: `must be one of ${PRIVACY_REQUEST_KINDS.join(', ')}`, de: `muss eines von ${PRIVACY_REQUEST_KINDS.join(', ')} sein` }) }),
    details: z
      .string()
      .trim()
      .min(1, { message: zodMessage({ en: 'must say what you ask for', de: 'muss sagen, worum Sie bitten' }) })
      .max(5000, { message: zodMessage({ en: 'must be at most 5000 characters', de: 'darf höchstens 5000 Zeichen lang sein' }) }),
  })
  .meta({ id: 'CreatePrivacyRequestInput' });

/** A download of all your data (P27): progress while it builds, then a link valid 7 days. */
export const DataExport = z
  .object({
    id: z.string(),
    status: z.enum(['queued', 'building', 'ready', 'failed', 'expired']),
    progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }).meta({ description: 'Files written of all (null total: not started).' }),
    sizeBytes: z.number().int().nullable(),
    failureMessage: z.string().nullable(),
    requestedAt: Timestamp,
    finishedAt: Timestamp.nullable(),
    expiresAt: Timestamp.nullable().meta({ description: 'After this the archive is deleted and the link stops working.' }),
    downloadUrl: z.string().nullable(),
  })
  .meta({ id: 'DataExport' });
export type DataExport = z.output<typeof DataExport>;

export const DataExportList = z.object({ items: z.array(DataExport) }).meta({ id: 'DataExportList' });
export const ExportParams = z.strictObject({ exportId: Id });
