import { MEDIA_TYPE_NAMES, MEDIA_TYPES, type MediaKind, type MediaMimeType } from '#shared/media-types.js';
import { type Bilingual, bilingual, formatNumber, untranslated } from '#shared/i18n.js';
import { HttpError } from '../errors.js';

/** `20 MB`, `1 GB`, `1.5 MB` (German `1,5 MB`): sizes as people read them (binary units, which is what the limits are set in). */
export function formatBytes(bytes: number): Bilingual {
  const units = [{ en: 'bytes', de: 'Bytes' }, untranslated('KB'), untranslated('MB'), untranslated('GB'), untranslated('TB')];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const amount = Number(value.toFixed(1));
  return { en: `${formatNumber(amount, 'en', { useGrouping: false })} ${units[unit]!.en}`, de: `${formatNumber(amount, 'de', { useGrouping: false })} ${units[unit]!.de}` };
}

// This image / this video / this document; images, videos, documents.
const KIND_WORDS: Record<MediaKind, [Bilingual, Bilingual]> = {
  image: [{ en: 'This image', de: 'Dieses Bild' }, { en: 'images', de: 'Bilder' }],
  video: [{ en: 'This video', de: 'Dieses Video' }, { en: 'videos', de: 'Videos' }],
  document: [{ en: 'This document', de: 'Dieses Dokument' }, { en: 'documents', de: 'Dokumente' }],
};

/** 413 media_too_large, naming the limit of the file's kind. */
export function tooLarge(kind: MediaKind, limit: number, size?: number): HttpError {
  const [one, many] = KIND_WORDS[kind];
  return new HttpError('media_too_large', size === undefined
    ? bilingual({ en: '{one} is larger than {limit}; the library accepts {many} up to {limit}.', de: '{one} ist größer als {limit}; die Mediathek nimmt {many} bis {limit} an.' }, { one, many, limit: formatBytes(limit) })
    : bilingual({ en: '{one} is {size}; the library accepts {many} up to {limit}.', de: '{one} ist {size} groß; die Mediathek nimmt {many} bis {limit} an.' }, { one, many, size: formatBytes(size), limit: formatBytes(limit) }));
}

/** 415 media_type_not_allowed, saying what was found and what is accepted here. */
export function typeNotAllowed(found: string | undefined, kinds: readonly MediaKind[]): HttpError {
  const accepted = (Object.entries(MEDIA_TYPES) as [MediaMimeType, MediaKind][])
    .filter(([, kind]) => kinds.includes(kind))
    .map(([mime]) => MEDIA_TYPE_NAMES[mime]);
  const list = (or: string) => `${accepted.slice(0, -1).join(', ')}${accepted.length > 1 ? ` ${or} ` : ''}${accepted.at(-1)}`;
  const start = found
    ? bilingual({ en: 'This file is {found}, which cannot be used here.', de: 'Diese Datei ist {found} und kann hier nicht verwendet werden.' }, { found })
    : { en: 'The type of this file could not be recognised from its contents.', de: 'Die Art dieser Datei war an ihrem Inhalt nicht zu erkennen.' };
  return new HttpError('media_type_not_allowed', bilingual({ en: '{start} Upload {list}.', de: '{start} Laden Sie {list} hoch.' }, { start, list: { en: list('or'), de: list('oder') } }));
}

/** The kind of an accepted type, or undefined for anything else. */
export function kindOf(mimeType: string | undefined): MediaKind | undefined {
  return mimeType && Object.hasOwn(MEDIA_TYPES, mimeType) ? MEDIA_TYPES[mimeType as MediaMimeType] : undefined;
}
