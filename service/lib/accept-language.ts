import { LANGUAGES, type Language } from '#shared/i18n.js';

/**
 * The language to answer in, from an Accept-Language header (RFC 9110 §12.5.4): the listed language we
 * speak with the highest q-value (the earlier one on a tie), matched on the primary subtag (`de-AT` is
 * German). English when none is listed, the header is missing, or only `*`/languages we lack are asked for.
 */
export function requestLanguage(header: string | undefined): Language {
  let best: Language = 'en';
  let bestWeight = 0;
  for (const range of (header ?? '').split(',')) {
    const [tag = '', ...params] = range.split(';').map((part) => part.trim());
    const q = params.find((param) => /^q=/i.test(param));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const primary = tag.toLowerCase().split('-')[0] as Language;
    if (weight > bestWeight && weight <= 1 && (LANGUAGES as readonly string[]).includes(primary)) {
      best = primary;
      bestWeight = weight;
    }
  }
  return best;
}
