/**
 * The languages the service and the shared rules speak, and the one way to write their sentences: both
 * languages side by side, `{ en: '…', de: '…' }`, filled with parameters by `bilingual`. The sentence is
 * made in both languages where it arises; whoever shows it picks one (the service per request, from
 * Accept-Language; the extension in its UI language). The extension's own UI strings use its catalogs
 * (extension/lib/i18n), which read the same way.
 */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A sentence (or part of one) in every language. English is the default wherever one must be chosen. */
export type Bilingual = Readonly<Record<Language, string>>;

/** A parameter: text the same in every language (a name, a URL), a number (formatted per language) or a Bilingual part. */
export type Param = string | number | Bilingual;

const NUMBER_LOCALES: Record<Language, string> = { en: 'en-US', de: 'de-DE' };

/** `value` as people of `language` write it: 5,000 and 1.5 in English, 5.000 and 1,5 in German. */
export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[language], options).format(value);
}

/**
 * `template` with each `{name}` replaced by `params.name` in the matching language: numbers formatted per
 * language, Bilingual parts picked per language, strings as they are. An unknown `{name}` stays as written.
 */
export function bilingual(template: Bilingual, params: Record<string, Param> = {}): Bilingual {
  return { en: fill(template.en, params, 'en'), de: fill(template.de, params, 'de') };
}

function fill(text: string, params: Record<string, Param>, language: Language): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return formatNumber(value, language);
    return typeof value === 'string' ? value : value[language];
  });
}

/** The same text in every language (a name, a code): for a Bilingual slot whose content is not a sentence. */
export function untranslated(text: string): Bilingual {
  return { en: text, de: text };
}

// zod keeps a schema's message as one string. `zodMessage` registers the German beside the English it
// hands to zod, so whoever reports the issue (service/lib/field-errors.ts) can find both again.
const REGISTERED = new Map<string, Bilingual>();

/** For a zod schema's `message`: returns the English and remembers `text`'s other languages for `fromZodMessage`. */
export function zodMessage(text: Bilingual): string {
  REGISTERED.set(text.en, text);
  return text.en;
}

/** The Bilingual a zod message was registered with (`zodMessage`); an unregistered one is English only. */
export function fromZodMessage(english: string): Bilingual {
  return REGISTERED.get(english) ?? untranslated(english);
}
