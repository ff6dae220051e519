import { useEffect, useId, useRef } from 'react';
import type { Import } from '#shared/api/imports.js';
import { FormError } from '../../components/FormError.js';
import { defineMessages, formatDate } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { importFinished, importName, importPercent, importStatusText } from '../../lib/import-status.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { useLoaded } from './useLoaded.js';

const t = defineMessages({
  en: { heading: 'Imports', openDraft: 'Open draft', started: 'Started {when}' },
  de: { heading: 'Importe', openDraft: 'Entwurf öffnen', started: 'Gestartet {when}' },
});

/** Vendors' names are the same in every language. */
const VENDOR = { canva: 'Canva', google_drive: 'Google Drive' } as const;

/** Imports shown: the running ones and the latest few that ended. */
const SHOWN = 5;
/** How often the strip looks again while an import runs. */
const REFRESH_MS = 2000;

/**
 * The person's Canva and Drive imports into the workspace (started from the popup or the context menu):
 * running ones with their progress, recent ones with their result — a link to the draft, or the reason
 * it failed. Looks again every two seconds while something runs; `onFinished` lets the page reload the
 * view behind it once a new draft exists. Hidden when there is nothing to show.
 */
export function ImportsStrip({ workspaceId, postHref, onFinished }: { workspaceId: string; postHref: (postId: string) => string; onFinished: () => void }) {
  useLocale();
  const headingId = useId();
  const loaded = useLoaded(workspaceId, () => sendMessage('listImports', { workspaceId }));
  const items = loaded.data ?? [];
  const running = items.some((item) => !importFinished(item));
  const { reload } = loaded;

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, reload]);

  // An import that ended while the page was open made a draft: the view behind may show it now.
  const wasRunning = useRef<Set<string>>(new Set());
  useEffect(() => {
    const ended = items.filter((item) => importFinished(item) && wasRunning.current.has(item.id));
    wasRunning.current = new Set(items.filter((item) => !importFinished(item)).map((item) => item.id));
    if (ended.some((item) => item.status === 'done')) onFinished();
  }, [items, onFinished]);

  const active = items.filter((item) => !importFinished(item));
  const shown = [...active, ...items.filter(importFinished)].slice(0, Math.max(SHOWN, active.length));
  // A side strip: when there is nothing to show (or the imports cannot be read) the page goes without it.
  if (shown.length === 0) return null;
  return (
    <section className="imports-strip card" aria-labelledby={headingId} data-testid="imports-strip">
      <h2 id={headingId}>{t('heading')}</h2>
      <FormError message={loaded.error?.message ?? null} testId="imports-error" />
      <ul className="imports-list">
        {shown.map((item) => <ImportRow key={item.id} item={item} postHref={postHref} />)}
      </ul>
    </section>
  );
}

function ImportRow({ item, postHref }: { item: Import; postHref: (postId: string) => string }) {
  const percent = item.status === 'downloading' ? importPercent(item) : null;
  return (
    <li className="import-row" data-testid="import-row" data-status={item.status}>
      <span className={`status status-import-${item.status}`}>{VENDOR[item.provider]}</span>
      <span className="import-name">{importName(item)}</span>
      <span className={item.status === 'failed' ? 'import-state field-error' : 'import-state'} data-testid="import-row-status">{importStatusText(item)}</span>
      {!importFinished(item) && <progress max={100} value={percent ?? undefined} aria-label={`${importName(item)}: ${importStatusText(item)}`} />}
      {item.status === 'done' && item.postId && (
        <a href={postHref(item.postId)} data-testid="import-row-open">{t('openDraft')}</a>
      )}
      <span className="hint">{t('started', { when: formatDate(item.createdAt, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) })}</span>
    </li>
  );
}
