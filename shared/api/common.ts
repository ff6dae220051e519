import { z } from 'zod';
import { ERROR_CODES } from '../error-codes.js';
import { LIMITS } from '../limits.js';
import { bilingual, zodMessage } from '../i18n.js';

export const Id = z.uuid({ message: zodMessage({ en: 'must be an id (a UUID)', de: 'muss eine ID (eine UUID) sein' }) });

export const Timestamp = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date and time' });

export const HttpUrl = z
  .url({ protocol: /^https?$/, message: zodMessage({ en: 'must be a web address starting with http:// or https://', de: 'muss eine Webadresse sein, die mit http:// oder https:// beginnt' }) })
  .max(LIMITS.urlLength, { message: zodMessage(bilingual({ en: 'must be at most {max} characters', de: 'darf höchstens {max} Zeichen lang sein' }, { max: LIMITS.urlLength })) });

/** Text a person typed or captured: trimmed, bounded. */
export const text = (max: number) => z.string().trim().max(max, { message: zodMessage(bilingual({ en: 'must be at most {max} characters', de: 'darf höchstens {max} Zeichen lang sein' }, { max })) });

export const requiredText = (max: number) =>
  text(max).min(1, { message: zodMessage({ en: 'must not be empty', de: 'darf nicht leer sein' }) });

export const PageQuery = z.strictObject({
  limit: z.coerce
    .number({ message: zodMessage({ en: 'must be a number', de: 'muss eine Zahl sein' }) })
    .int({ message: zodMessage({ en: 'must be a whole number', de: 'muss eine ganze Zahl sein' }) })
    .min(1, { message: zodMessage({ en: 'must be at least 1', de: 'muss mindestens 1 sein' }) })
    .max(LIMITS.pageSizeMax, { message: zodMessage(bilingual({ en: 'must be at most {max}', de: 'darf höchstens {max} sein' }, { max: LIMITS.pageSizeMax })) })
    .default(LIMITS.pageSizeDefault),
  cursor: z.string().max(200).optional().meta({ description: 'The `nextCursor` of the previous page.' }),
});

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES as [string, ...string[]]),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      expectedOffset: z.number().int().optional().meta({ description: 'On upload_offset_mismatch: the byte the upload continues at.' }),
      upgradeUrl: z.string().optional().meta({ description: 'On plan_limit_reached: a page with the plans and how to upgrade.' }),
    }),
  })
  .meta({ id: 'Error' });

export const WorkspaceParams = z.strictObject({ workspaceId: Id });
