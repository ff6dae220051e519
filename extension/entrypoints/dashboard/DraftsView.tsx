import { useState } from 'react';
import type { Post } from '#shared/api/posts.js';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages, formatDate } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { excerpt } from './status.js';
import { useLoaded } from './useLoaded.js';

const t = defineMessages({
  en: {
    heading: 'Drafts',
    intro: 'What you captured lands here, newest first.',
    empty: 'No drafts. Right-click a page, a quote, a link or an image and choose “Save … to Minopa”.',
    loading: 'Loading…',
    captured: 'Saved {when}',
    from: 'from',
    edit: 'Edit & schedule',
    more: 'Show more',
  },
  de: {
    heading: 'Entwürfe',
    intro: 'Was Sie erfassen, landet hier, das Neueste zuerst.',
    empty: 'Keine Entwürfe. Klicken Sie mit der rechten Maustaste auf eine Seite, ein Zitat, einen Link oder ein Bild und wählen Sie „… in Minopa speichern“.',
    loading: 'Wird geladen…',
    captured: 'Gespeichert am {when}',
    from: 'von',
    edit: 'Bearbeiten & planen',
    more: 'Mehr anzeigen',
  },
});

/** When a draft was saved, on the workspace's clock once it is known (the browser's until then). */
function savedAt(createdAt: string, timeZone: string | undefined): string {
  return formatDate(createdAt, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** The drafts inbox: captures waiting to be edited and scheduled. */
export function DraftsView({ workspaceId, timeZone, postHref }: { workspaceId: string; timeZone: string | undefined; postHref: (postId: string) => string }) {
  useLocale();
  const loaded = useLoaded(workspaceId, () => sendMessage('getDashboardDrafts', { workspaceId }));
  // Pages after the first, appended; reset when the first page is loaded again.
  const [more, setMore] = useState<{ firstCursor: string | null; items: Post[]; cursor: string | null }>({ firstCursor: null, items: [], cursor: null });
  const first = loaded.data;
  const extra = first && more.firstCursor === first.nextCursor ? more : { items: [], cursor: first?.nextCursor ?? null };
  const loadMore = useAction(async () => {
    if (!extra.cursor || !first) return;
    const page = await sendMessage('getDashboardDrafts', { workspaceId, cursor: extra.cursor });
    setMore({ firstCursor: first.nextCursor, items: [...extra.items, ...page.items], cursor: page.nextCursor });
  });
  const drafts = [...(first?.items ?? []), ...extra.items];

  return (
    <section aria-labelledby="drafts-heading" data-testid="drafts-view">
      <h2 id="drafts-heading">{t('heading')}</h2>
      <p className="hint">{t('intro')}</p>
      <FormError message={loaded.error?.message ?? loadMore.error?.message ?? null} testId="drafts-error" />
      {!first && loaded.loading && <p className="muted">{t('loading')}</p>}
      {first && drafts.length === 0 && <p className="muted empty">{t('empty')}</p>}
      <ul className="draft-list">
        {drafts.map((draft) => (
          <li key={draft.id} data-testid={`draft-${draft.id}`}>
            <p className="draft-title">{excerpt(draft, 140)}</p>
            <p className="small muted">
              {t('captured', { when: savedAt(draft.createdAt, timeZone) })}
              {draft.source && <> {t('from')} <a href={draft.source.url} target="_blank" rel="noreferrer">{hostOf(draft.source.url)}</a></>}
            </p>
            <a className="button button-secondary" href={postHref(draft.id)}>{t('edit')}</a>
          </li>
        ))}
      </ul>
      {extra.cursor && (
        <Button variant="secondary" onClick={() => void loadMore.run()} pending={loadMore.pending} pendingLabel={t('loading')}>{t('more')}</Button>
      )}
    </section>
  );
}
