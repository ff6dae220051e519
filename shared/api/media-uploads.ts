import { z } from 'zod';
import { zodMessage } from '../i18n.js';
import { Id, requiredText, Timestamp } from './common.js';
import { Media } from './media.js';
import { MEDIA_MIME_TYPES } from '../media-types.js';

/**
 * Resumable uploads into the media library: a session is created with the file's size, the bytes follow
 * in pieces of `chunkBytes` (each at the offset the service has reached), and the piece that completes
 * the file makes it a medium — typed and checked from its bytes exactly like a single upload.
 */

/** Query parameter carrying where a piece starts in the file (bytes from 0). */
export const UPLOAD_OFFSET_PARAM = 'offset';

const NUMBER = zodMessage({ en: 'must be a number', de: 'muss eine Zahl sein' });
const WHOLE = zodMessage({ en: 'must be a whole number', de: 'muss eine ganze Zahl sein' });
const NOT_NEGATIVE = zodMessage({ en: 'must not be negative', de: 'darf nicht negativ sein' });

export const CreateMediaUploadBody = z.strictObject({
  filename: requiredText(1024)
    .meta({ description: 'As the person’s computer named the file; kept for display, never used as a path.' }),
  sizeBytes: z.number({ message: NUMBER }).int({ message: WHOLE }).min(0, { message: NOT_NEGATIVE })
    .meta({ description: 'The whole file’s size. Over the largest limit (or the limit of `mimeType`’s kind) is refused at once with media_too_large.' }),
  mimeType: z.string().max(255).optional()
    .meta({ description: `What the browser guessed from the name (${MEDIA_MIME_TYPES.join(', ')}); only used to refuse an oversized file early — the bytes decide the type.` }),
});
export type CreateMediaUploadBody = z.input<typeof CreateMediaUploadBody>;

export const MediaUploadParams = z.strictObject({ workspaceId: Id, uploadId: Id });

export const MediaUploadChunkQuery = z.strictObject({
  [UPLOAD_OFFSET_PARAM]: z.coerce.number({ message: NUMBER }).int({ message: WHOLE }).min(0, { message: NOT_NEGATIVE })
    .meta({ description: 'Where this piece starts in the file: must equal the session’s `receivedBytes` (else 409 upload_offset_mismatch).' }),
});

export const MediaUpload = z
  .object({
    uploadId: Id,
    filename: z.string(),
    sizeBytes: z.number().int(),
    chunkBytes: z.number().int().meta({ description: 'Every piece but the last is exactly this long; the last is what remains.' }),
    receivedBytes: z.number().int().meta({ description: 'Bytes the service holds: where the next piece starts.' }),
    expiresAt: Timestamp.meta({ description: 'Unfinished uploads are removed after this; each piece moves it on.' }),
  })
  .meta({ id: 'MediaUpload' });
export type MediaUpload = z.output<typeof MediaUpload>;

export const MediaUploadProgress = MediaUpload.extend({
  media: Media.nullable().meta({ description: 'The new medium, once the piece that completes the file arrived (then the session is gone).' }),
}).meta({ id: 'MediaUploadProgress' });
export type MediaUploadProgress = z.output<typeof MediaUploadProgress>;
