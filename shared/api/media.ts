import { z } from 'zod';
import { MEDIA_KINDS, MEDIA_MIME_TYPES } from '../media-types.js';
import { Id, PageQuery, Timestamp } from './common.js';

/** What a file in the media library is (the kinds themselves: shared/media-types.ts). */
export const MediaKind = z.enum(MEDIA_KINDS);

const Url = z.string().meta({ description: 'A signed address that works until `urlExpiresAt`; only members receive it.' });

export const Media = z
  .object({
    id: Id,
    workspaceId: Id,
    kind: MediaKind,
    mimeType: z.enum(MEDIA_MIME_TYPES).meta({ description: 'Read from the file’s bytes, not its name.' }),
    sizeBytes: z.number().int(),
    originalFilename: z.string().nullable(),
    width: z.number().int().nullable().meta({ description: 'Pixels; images only.' }),
    height: z.number().int().nullable().meta({ description: 'Pixels; images only.' }),
    durationSeconds: z.number().nullable().meta({ description: 'Videos whose container states it.' }),
    url: Url,
    thumbnailUrl: Url.nullable().meta({ description: 'A small WebP preview: every image has one; a video or PDF when it came with one (imported from Canva or Google Drive).' }),
    urlExpiresAt: Timestamp,
    sourceUrl: z.string().nullable().meta({ description: 'Where a captured image was fetched from (provenance); never served.' }),
    uploadedBy: z.object({ id: Id, firstName: z.string(), lastName: z.string() }).nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Media' });
export type Media = z.output<typeof Media>;

export const MediaPage = z.object({ items: z.array(Media), nextCursor: z.string().nullable() }).meta({ id: 'MediaPage' });
export type MediaPage = z.output<typeof MediaPage>;

export const ListMediaQuery = PageQuery.extend({ kind: MediaKind.optional() });
export type ListMediaQuery = z.input<typeof ListMediaQuery>;

export const MediaParams = z.strictObject({ workspaceId: Id, mediaId: Id });

/** One medium of a post, in the post's order. */
export const PostMedia = z
  .object({
    id: Id,
    kind: MediaKind,
    mimeType: z.enum(MEDIA_MIME_TYPES),
    url: Url,
    thumbnailUrl: Url.nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    durationSeconds: z.number().nullable(),
  })
  .meta({ id: 'PostMedia' });
export type PostMedia = z.output<typeof PostMedia>;

export const MEDIA_FETCH_STATES = ['pending', 'done', 'needs_browser', 'failed'] as const;
export const MEDIA_FETCH_REASONS = [
  'private_address',
  'origin_refused',
  'host_not_found',
  'not_found',
  'too_large',
  'type_not_allowed',
  'unreadable',
  'unreachable',
  'plan_limit',
] as const;
export type MediaFetchReason = (typeof MEDIA_FETCH_REASONS)[number];

/**
 * Where the file of an image or video capture stands: the service fetches it (`pending` → `done`); when it
 * cannot (a private address, the origin wants the person's cookies) the browser must supply it
 * (`needs_browser`); `failed` is final (e.g. the file is gone, too large or not of its kind) and the
 * draft keeps the file's address in its source.
 */
export const MediaFetch = z
  .object({
    state: z.enum(MEDIA_FETCH_STATES),
    reason: z.enum(MEDIA_FETCH_REASONS).nullable(),
    message: z.string().nullable().meta({ description: 'Why, in a sentence, when not pending or done.' }),
  })
  .meta({ id: 'MediaFetch' });
export type MediaFetch = z.output<typeof MediaFetch>;
