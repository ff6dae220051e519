import { useSyncExternalStore } from 'react';
import { locale, subscribeLocale, type Locale } from './index.js';

/** Re-renders the component when the language changes (call it in every component that shows text). */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribeLocale, locale);
}
