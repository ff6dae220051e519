import type { KeyboardEvent } from 'react';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { VIEWS, type View } from './location.js';

const t = defineMessages({
  en: { label: 'Views', day: 'Day', week: 'Week', month: 'Month', drafts: 'Drafts', failed: 'Failed', published: 'Published' },
  de: { label: 'Ansichten', day: 'Tag', week: 'Woche', month: 'Monat', drafts: 'Entwürfe', failed: 'Fehlgeschlagen', published: 'Veröffentlicht' },
});

/**
 * The views as tabs (WAI-ARIA tabs pattern): Left/Right/Home/End move between them, the selected one
 * is the only tab stop.
 */
export function ViewTabs({ current, onSelect, panelId }: { current: View; onSelect: (view: View) => void; panelId: string }) {
  useLocale();
  const onKeyDown = (event: KeyboardEvent) => {
    const index = VIEWS.indexOf(current);
    const next =
      event.key === 'ArrowRight' ? VIEWS[(index + 1) % VIEWS.length]
        : event.key === 'ArrowLeft' ? VIEWS[(index - 1 + VIEWS.length) % VIEWS.length]
          : event.key === 'Home' ? VIEWS[0]
            : event.key === 'End' ? VIEWS[VIEWS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onSelect(next);
    // Focus follows the selection (the tab re-renders with tabIndex 0).
    requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  };
  return (
    <div role="tablist" aria-label={t('label')} className="view-tabs" onKeyDown={onKeyDown}>
      {VIEWS.map((view) => (
        <button
          key={view}
          id={`tab-${view}`}
          type="button"
          role="tab"
          aria-selected={view === current}
          aria-controls={panelId}
          tabIndex={view === current ? 0 : -1}
          className="view-tab"
          onClick={() => onSelect(view)}
          data-testid={`tab-${view}`}
        >
          {t(view)}
        </button>
      ))}
    </div>
  );
}
