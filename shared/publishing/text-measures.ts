import { LINK_TLDS } from './tlds.js';

/**
 * How each network counts the length of a text. The facts are in reference/platform-apis.md; each
 * function names its section.
 */
export type TextMeasure = 'x_weighted' | 'threads' | 'code_points' | 'utf16' | 'utf8_bytes';

/** X counts every link as this many characters, whatever its length (§1 Text rules: t.co). */
export const X_LINK_LENGTH = 23;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A grapheme that renders as one emoji: pictographs, flags, keycaps, or anything with the emoji selector. */
const EMOJI = /\p{Emoji_Presentation}|\p{Regional_Indicator}|\uFE0F|\u20E3/u;

/** Code point ranges X weighs 1 (twitter-text v3 config); every other code point weighs 2. */
const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

function xWeight(codePoint: number): number {
  return LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2;
}

const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_-]{0,61}[\\p{L}\\p{N}])?';
// A link with its scheme: host (domain, IPv4 or [IPv6]), optional port, then anything up to white space.
const SCHEME_LINK = new RegExp(`https?://(?:[^\\s/?#@]+@)?((?:${LABEL}\\.)+[\\p{L}]{2,}|\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-f:.]+\\])(?::\\d{1,5})?(?:[/?#]\\S*)?`, 'giu');
// A bare domain: not glued to a word, an @mention, a #tag or another domain; its TLD is checked against LINK_TLDS.
const BARE_LINK = new RegExp(`(?<![\\p{L}\\p{N}@#$._/-])(?:${LABEL}\\.)+([a-z]{2,})(?![\\p{L}\\p{N}_-])(?:[/?#]\\S*)?`, 'giu');
// Closing punctuation that ends a sentence rather than the link ("see example.com.").
const TRAILING = /[.,;:!?'")\]}]+$/;

/** Where the links of `text` are (start, end in UTF-16 units), as X recognises them. */
export function findLinks(text: string): { start: number; end: number }[] {
  const links: { start: number; end: number }[] = [];
  for (const match of text.matchAll(SCHEME_LINK)) {
    const labels = match[1]!.split('.');
    if (labels.some((label) => label.length > 63)) continue;
    links.push({ start: match.index, end: match.index + match[0].replace(TRAILING, '').length });
  }
  // Bare domains only where no scheme link is: mask those first so their hosts are not found twice.
  const masked = links.reduce((acc, { start, end }) => acc.slice(0, start) + ' '.repeat(end - start) + acc.slice(end), text);
  for (const match of masked.matchAll(BARE_LINK)) {
    if (!LINK_TLDS.has(match[1]!.toLowerCase())) continue;
    if (match[0].split(/[/?#]/)[0]!.split('.').some((label) => label.length > 63)) continue;
    links.push({ start: match.index, end: match.index + match[0].replace(TRAILING, '').length });
  }
  return links.sort((a, b) => a.start - b.start);
}

/**
 * X's weighted length (§1 Text rules; twitter-text v3): the text normalised to NFC, each link 23, each
 * emoji (any ZWJ sequence, flag or keycap) 2, code points in the Latin and common punctuation ranges 1,
 * all others (CJK, …) 2.
 */
export function xWeightedLength(text: string): number {
  const normalized = text.normalize('NFC');
  const links = findLinks(normalized);
  let length = links.length * X_LINK_LENGTH;
  let next = 0;
  for (const { segment, index } of graphemes.segment(normalized)) {
    while (next < links.length && links[next]!.end <= index) next++;
    const link = links[next];
    if (link && index >= link.start && index < link.end) continue;
    if (EMOJI.test(segment)) {
      length += 2;
      continue;
    }
    for (const char of segment) length += xWeight(char.codePointAt(0)!);
  }
  return length;
}

/** Bytes of the text in UTF-8 (YouTube descriptions, §8). Counted here: shared code has no TextEncoder type. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Characters as people count them: Unicode code points. */
export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Threads (§5): 500 characters where an emoji counts as its UTF-8 byte length. */
export function threadsLength(text: string): number {
  let length = 0;
  for (const { segment } of graphemes.segment(text)) length += EMOJI.test(segment) ? utf8Bytes(segment) : codePoints(segment);
  return length;
}

/** The length of `text` as `measure` counts it. */
export function measureText(text: string, measure: TextMeasure): number {
  switch (measure) {
    case 'x_weighted':
      return xWeightedLength(text);
    case 'threads':
      return threadsLength(text);
    case 'code_points':
      return codePoints(text);
    case 'utf16':
      return text.length;
    case 'utf8_bytes':
      return utf8Bytes(text);
  }
}

/** Words people read next to a count: "characters", or "bytes" for a byte limit. */
export function measureUnit(measure: TextMeasure): string {
  return measure === 'utf8_bytes' ? 'bytes' : 'characters';
}

/** #hashtags in a text (a # glued to a word, as in "C#", does not start one). */
export function countHashtags(text: string): number {
  return text.match(/(?<![\p{L}\p{N}_&])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu)?.length ?? 0;
}

/** @mentions in a text (an @ inside an email address does not start one). */
export function countMentions(text: string): number {
  return text.match(/(?<![\p{L}\p{N}_.])@[A-Za-z0-9_.]+/gu)?.length ?? 0;
}
