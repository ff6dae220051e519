import { useState } from 'react';
import { setTheme, storedTheme, type Theme } from '../../lib/theme.js';

const LABELS: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

/** Light, dark or the system's theme, for every page of the extension. */
export function AppearancePanel() {
  const [theme, choose] = useState<Theme>(storedTheme);
  return (
    <section className="card" id="appearance" aria-labelledby="appearance-title" data-testid="appearance-panel">
      <h2 id="appearance-title">Appearance</h2>
      <fieldset className="choice-row">
        <legend>Theme</legend>
        {(Object.keys(LABELS) as Theme[]).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="theme"
              value={value}
              checked={theme === value}
              onChange={() => {
                setTheme(value);
                choose(value);
              }}
              data-testid={`theme-${value}`}
            />{' '}
            {LABELS[value]}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
