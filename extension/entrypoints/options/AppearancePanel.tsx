import { useState } from 'react';
import { defineMessages, LOCALE_NAMES, LOCALES, setLocale, type Locale } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { setTheme, storedTheme, THEMES, type Theme } from '../../lib/theme.js';

const t = defineMessages({
  en: { title: 'Appearance', theme: 'Theme', system: 'Same as the system', light: 'Light', dark: 'Dark', language: 'Language' },
  de: { title: 'Darstellung', theme: 'Farbschema', system: 'Wie im System', light: 'Hell', dark: 'Dunkel', language: 'Sprache' },
});

/** Light, dark or the system's theme, and the language, for every page of the extension. */
export function AppearancePanel() {
  const [theme, chooseTheme] = useState<Theme>(storedTheme);
  const current = useLocale();
  return (
    <section className="card" id="appearance" aria-labelledby="appearance-title" data-testid="appearance-panel">
      <h2 id="appearance-title">{t('title')}</h2>
      <fieldset className="choice-row">
        <legend>{t('theme')}</legend>
        {THEMES.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="theme"
              value={value}
              checked={theme === value}
              onChange={() => {
                setTheme(value);
                chooseTheme(value);
              }}
              data-testid={`theme-${value}`}
            />{' '}
            {t(value)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-row">
        <legend>{t('language')}</legend>
        {LOCALES.map((value: Locale) => (
          <label key={value} lang={value}>
            <input type="radio" name="language" value={value} checked={current === value} onChange={() => void setLocale(value)} data-testid={`language-${value}`} />{' '}
            {LOCALE_NAMES[value]}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

