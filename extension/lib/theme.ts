/**
 * The Appearance choice: light, dark, or whatever the system uses. Kept in the extension pages'
 * localStorage rather than browser.storage (lib/storage.ts) on purpose: a page must read it
 * synchronously before its first paint, or it would flash the wrong colours. Only pages use it (the
 * background draws nothing). Every open page follows a change at once (the storage event).
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'minopa.theme';

export function storedTheme(): Theme {
  const value = localStorage.getItem(KEY);
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

/** Shows the page in `theme` (styles.css pins color-scheme from data-theme). */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export function setTheme(theme: Theme): void {
  localStorage.setItem(KEY, theme);
  applyTheme(theme);
}

/** Call first thing in a page's main: applies the stored theme and follows changes made in other pages. */
export function followTheme(): void {
  applyTheme(storedTheme());
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) applyTheme(storedTheme());
  });
}
