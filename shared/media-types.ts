/**
 * The media library's kinds, file types and limits, apart from its API schemas (shared/api/media.ts) so
 * that the extension's pages can use them without loading zod.
 */

/** What a file in the media library is. */
export const MEDIA_KINDS = ['image', 'video', 'document'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/**
 * The file types the library accepts, as recognised from the file's own bytes (never its name), with
 * the kind each is. Anything else is refused with `media_type_not_allowed`.
 */
export const MEDIA_TYPES = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
  'application/pdf': 'document',
} as const satisfies Record<string, MediaKind>;
export type MediaMimeType = keyof typeof MEDIA_TYPES;
export const MEDIA_MIME_TYPES = Object.keys(MEDIA_TYPES) as [MediaMimeType, ...MediaMimeType[]];

/** Names people know the accepted types by, for error messages and the upload button's hint. */
export const MEDIA_TYPE_NAMES: Record<MediaMimeType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'video/mp4': 'MP4',
  'video/quicktime': 'QuickTime (MOV)',
  'video/webm': 'WebM',
  'application/pdf': 'PDF',
};

/** How many media one post may reference (the platforms' own limits are stricter and checked at scheduling). */
export const MEDIA_PER_POST_MAX = 20;

/** Header carrying the original file name of a raw upload, percent-encoded UTF-8 (headers are Latin-1). */
export const FILENAME_HEADER = 'X-Filename';
