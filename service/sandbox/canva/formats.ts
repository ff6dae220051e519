import sharp from 'sharp';
import { isoVideoFile, jpeg, pdf, png } from '../../media/testing/fixtures.js';

const MP4_QUALITIES = ['horizontal_480p', 'horizontal_720p', 'horizontal_1080p', 'horizontal_4k', 'vertical_480p', 'vertical_720p', 'vertical_1080p', 'vertical_4k'];
const PDF_SIZES = ['a4', 'a3', 'letter', 'legal'];
const QUALITY = ['regular', 'pro'];

type Rule = (value: unknown) => boolean;
const int = (min: number, max: number): Rule => (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const oneOf = (values: string[]): Rule => (value) => typeof value === 'string' && values.includes(value);
const bool: Rule = (value) => typeof value === 'boolean';
const pagesRule: Rule = (value) => Array.isArray(value) && value.length > 0 && value.every((page) => Number.isInteger(page) && page >= 1);

/** The options each format takes (spec `ExportFormat` variants, platform-apis.md §9); `true` marks required. */
const FORMATS: Record<string, Record<string, [Rule, boolean]>> = {
  png: { width: [int(40, 25000), false], height: [int(40, 25000), false], lossless: [bool, false], as_single_image: [bool, false], transparent_background: [bool, false], export_quality: [oneOf(QUALITY), false], pages: [pagesRule, false] },
  jpg: { quality: [int(1, 100), true], width: [int(40, 25000), false], height: [int(40, 25000), false], export_quality: [oneOf(QUALITY), false], pages: [pagesRule, false] },
  pdf: { size: [oneOf(PDF_SIZES), false], export_quality: [oneOf(QUALITY), false], pages: [pagesRule, false] },
  gif: { width: [int(40, 25000), false], height: [int(40, 25000), false], export_quality: [oneOf(QUALITY), false], pages: [pagesRule, false] },
  mp4: { quality: [oneOf(MP4_QUALITIES), true], export_quality: [oneOf(QUALITY), false], pages: [pagesRule, false] },
};

/** A checked export format: the request's options, the pages exported, and how many files the job yields. */
export interface CheckedFormat {
  format: Record<string, unknown> & { type: string };
  pages: number[];
  files: number;
}

/**
 * Checks `POST /v1/exports`'s `format` as Canva does (400 `invalid_field` with a sentence). The simulator
 * serves png, jpg, pdf, gif and mp4 (pptx, csv and html exports are not simulated). One file per page,
 * except a pdf, an mp4 and a png `as_single_image`, which hold every page in one file.
 */
export function checkFormat(format: unknown, pageCount: number): CheckedFormat | string {
  if (!format || typeof format !== 'object' || Array.isArray(format)) return "'format' must be an object with a 'type'.";
  const { type, ...options } = format as Record<string, unknown>;
  const rules = typeof type === 'string' ? FORMATS[type] : undefined;
  if (!rules) return `format.type must be one of ${Object.keys(FORMATS).join(', ')}.`;
  for (const [name, [rule, required]] of Object.entries(rules)) {
    if (options[name] === undefined) {
      if (required) return `format.${name} is required for ${type} exports.`;
    } else if (!rule(options[name])) {
      return `format.${name} is invalid.`;
    }
  }
  const unknown = Object.keys(options).find((name) => !(name in rules));
  if (unknown) return `format.${unknown} is not an option of ${type} exports.`;
  const pages = (options.pages as number[] | undefined) ?? Array.from({ length: pageCount }, (_, index) => index + 1);
  const missing = pages.find((page) => page > pageCount);
  if (missing !== undefined) return `Page ${missing} does not exist: the design has ${pageCount} page(s).`;
  const single = type === 'pdf' || type === 'mp4' || (type === 'png' && options.as_single_image === true);
  return { format: { type, ...options } as CheckedFormat['format'], pages, files: single ? 1 : pages.length };
}

/** The content type and bytes of one exported file: small but real files of the format, so type sniffing and decoders accept them. */
export async function exportedFile(format: CheckedFormat['format']): Promise<{ contentType: string; extension: string; bytes: Buffer }> {
  const width = Math.min(Number(format.width ?? 320), 2000);
  const height = Math.min(Number(format.height ?? 180), 2000);
  switch (format.type) {
    case 'png':
      return { contentType: 'image/png', extension: 'png', bytes: await png(width, height) };
    case 'jpg':
      return { contentType: 'image/jpeg', extension: 'jpg', bytes: await jpeg(width, height) };
    case 'gif':
      return { contentType: 'image/gif', extension: 'gif', bytes: await sharp({ create: { width, height, channels: 3, background: { r: 120, g: 40, b: 200 } } }).gif().toBuffer() };
    case 'mp4': {
      const vertical = String(format.quality).startsWith('vertical');
      return { contentType: 'video/mp4', extension: 'mp4', bytes: isoVideoFile({ durationSeconds: 3, width: vertical ? 720 : 1280, height: vertical ? 1280 : 720, mdatBytes: 4096 }) };
    }
    default:
      return { contentType: 'application/pdf', extension: 'pdf', bytes: pdf() };
  }
}
