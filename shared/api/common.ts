import { z } from 'zod';
import { ERROR_CODES } from '../errors.js';
import { LIMITS } from '../limits.js';

export const Id = z.uuid({ message: 'must be an id (a UUID)' });

export const Timestamp = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date and time' });

export const HttpUrl = z
  .url({ protocol: /^https?$/, message: 'must be a web address starting with http:// or https://' })
  .max(LIMITS.urlLength, { message: `must be at most ${LIMITS.urlLength} characters` });

/** Text a person typed or captured: trimmed, bounded. */
export const text = (max: number) => z.string().trim().max(max, { message: `must be at most ${max} characters` });

export const requiredText = (max: number) =>
  text(max).min(1, { message: 'must not be empty' });

export const PageQuery = z.strictObject({
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be at least 1' })
    .max(LIMITS.pageSizeMax, { message: `must be at most ${LIMITS.pageSizeMax}` })
    .default(LIMITS.pageSizeDefault),
  cursor: z.string().max(200).optional().meta({ description: 'The `nextCursor` of the previous page.' }),
});

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES as [string, ...string[]]),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

export const WorkspaceParams = z.strictObject({ workspaceId: Id });
