import { browser } from 'wxt/browser';

/**
 * The key under which the pages' `setLocale` (lib/i18n) mirrors the chosen language into
 * browser.storage.local: the background has no localStorage and reads the choice from there.
 */
const LOCALE_KEY = 'locale';

/**
 * Calls `onChange` whenever the person picks another language in the options, so what the browser
 * keeps showing — the context menus, the badge's tooltip — follows at once instead of at the next
 * rebuild. Registered synchronously when the background starts; returns a function that stops watching.
 */
export function watchLanguage(onChange: () => void): () => void {
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    const change = changes[LOCALE_KEY];
    if (area === 'local' && change && change.newValue !== change.oldValue) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
