import { browser } from 'wxt/browser';

/**
 * The extension's languages. Strings live beside the code that shows them, one catalog per area
 * (`defineMessages` below): the English and the German side by side, and TypeScript refuses a catalog
 * whose German lacks a key the English has. Dates and numbers go through `formatDate`/`formatNumber`
 * in the chosen language.
 *
 * React components call `useLocale()` from ./react.ts (kept apart so the background's bundle carries no
 * React). The choice is kept in the pages' localStorage (read synchronously before the first render, like the
 * theme) and mirrored to browser.storage for the background (menu titles, notifications), which has no
 * localStorage.
 */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch' };

const KEY = 'minopa.locale';
const STORAGE_KEY = 'locale';

function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** The browser's language when it is one of ours, else English. */
export function browserLocale(): Locale {
  const language = (globalThis.navigator?.language ?? 'en').slice(0, 2).toLowerCase();
  return isLocale(language) ? language : 'en';
}

function readLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  return isLocale(stored) ? stored : browserLocale();
}

// Read on first use, not when this module is evaluated: a page's first localStorage access waits for the
// browser to load the storage area, and the popup has a request to the background to send before that.
let current: Locale | null = null;
const listeners = new Set<() => void>();

function switchTo(next: Locale): void {
  if (next === current) return;
  current = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

export function locale(): Locale {
  return (current ??= readLocale());
}

/** Changes the language of every page (and, through storage, of the background's menus and notifications). */
export async function setLocale(next: Locale): Promise<void> {
  localStorage.setItem(KEY, next);
  switchTo(next);
  await browser.storage.local.set({ [STORAGE_KEY]: next });
}

/** Call first thing in a page's main: sets <html lang> and follows changes made in other pages. */
export function followLocale(): void {
  current = readLocale();
  document.documentElement.lang = current;
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) switchTo(readLocale());
  });
}

/** The background's view of the choice (no localStorage there). */
export async function backgroundLocale(): Promise<Locale> {
  const stored = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  current = isLocale(stored) ? stored : browserLocale();
  return current;
}

/**
 * The chosen language, read afresh without switching this context's (unlike `backgroundLocale`): for what
 * the extension asks of the service (Accept-Language). Storage first (the background's view), then the
 * pages' own choice, then the browser's language.
 */
export async function chosenLocale(): Promise<Locale> {
  const stored = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  return isLocale(stored) ? stored : readLocale();
}

/** Calls `listener` whenever the language changes; returns the unsubscribe (see react.ts). */
export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A message: plain text, or forms by plural category of `count` (Intl.PluralRules: one, other, …). */
export type Message = string | { one?: string; few?: string; many?: string; other: string };
type Params = Record<string, string | number>;

/**
 * A catalog of one area's strings. `{name}` in a message is replaced by `params.name`; a plural message
 * picks its form by `params.count` (formatted in the language). Returns `t(key, params)`, which reads the
 * current language on every call, so a component that calls `useLocale()` re-renders translated.
 */
export function defineMessages<const English extends Record<string, Message>>(catalog: { en: English; de: { [K in keyof English]: Message } }) {
  return (key: keyof English & string, params: Params = {}): string => {
    const message = (catalog[locale()] as Record<string, Message>)[key] ?? catalog.en[key]!;
    const text = typeof message === 'string' ? message : pluralForm(message, Number(params.count ?? 0));
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? formatNumber(value) : value;
    });
  };
}

function pluralForm(message: Exclude<Message, string>, count: number): string {
  const category = new Intl.PluralRules(locale()).select(count) as keyof typeof message;
  return message[category] ?? message.other;
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), options).format(value);
}

/** A date in the chosen language (and, with `timeZone`, in that zone). */
export function formatDate(date: Date | string | number, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale(), options).format(new Date(date));
}
