import { MEDIA_TYPE_NAMES, MEDIA_TYPES, type MediaKind, type MediaMimeType } from '#shared/api/media.js';
import { HttpError } from '../errors.js';

/** `20 MB`, `1 GB`, `1.5 MB`: sizes as people read them (binary units, which is what the limits are set in). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

const KIND_WORDS: Record<MediaKind, [string, string]> = { image: ['image', 'images'], video: ['video', 'videos'], document: ['document', 'documents'] };

/** 413 media_too_large, naming the limit of the file's kind. */
export function tooLarge(kind: MediaKind, limit: number, size?: number): HttpError {
  const [one, many] = KIND_WORDS[kind];
  const what = size === undefined ? `This ${one} is larger than ${formatBytes(limit)}` : `This ${one} is ${formatBytes(size)}`;
  return new HttpError('media_too_large', `${what}; the library accepts ${many} up to ${formatBytes(limit)}.`);
}

/** 415 media_type_not_allowed, saying what was found and what is accepted here. */
export function typeNotAllowed(found: string | undefined, kinds: readonly MediaKind[]): HttpError {
  const accepted = (Object.entries(MEDIA_TYPES) as [MediaMimeType, MediaKind][])
    .filter(([, kind]) => kinds.includes(kind))
    .map(([mime]) => MEDIA_TYPE_NAMES[mime]);
  const list = `${accepted.slice(0, -1).join(', ')}${accepted.length > 1 ? ' or ' : ''}${accepted.at(-1)}`;
  const start = found ? `This file is ${found}, which cannot be used here.` : 'The type of this file could not be recognised from its contents.';
  return new HttpError('media_type_not_allowed', `${start} Upload ${list}.`);
}

/** The kind of an accepted type, or undefined for anything else. */
export function kindOf(mimeType: string | undefined): MediaKind | undefined {
  return mimeType && Object.hasOwn(MEDIA_TYPES, mimeType) ? MEDIA_TYPES[mimeType as MediaMimeType] : undefined;
}
