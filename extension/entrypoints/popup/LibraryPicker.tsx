import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { MEDIA_PER_POST_MAX } from '#shared/media-types.js';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { formatDate } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import type { LibraryMedia, PopupMedia } from '../../lib/popup-types.js';
import { libraryText as t } from './library-messages.js';
import { useLibraryPages } from './useLibraryPages.js';

interface LibraryPickerProps {
  workspaceId: string;
  /** Media already on the post: shown as attached, not offered again. */
  attachedIds: string[];
  /** The chosen files, in the order they were chosen. */
  onAttach: (chosen: PopupMedia[]) => void;
  /** Cancel or Escape: nothing is attached. The tray moves focus back to its "Library" button. */
  onClose: () => void;
}

/** "Image" / „Bild“ for a medium's kind. */
function kindText(kind: string): string {
  return kind === 'image' || kind === 'video' || kind === 'document' ? t(kind) : kind;
}

/**
 * The "Library" picker of the quick post: an inline panel (labelled, focus moved in, Escape cancels)
 * listing the workspace's media newest first with "Show more". The person ticks files; they are
 * attached in the order ticked, like uploads. Loaded on demand (a dynamic import in MediaTray), so the
 * popup's first paint does not carry it.
 */
export function LibraryPicker({ workspaceId, attachedIds, onAttach, onClose }: LibraryPickerProps) {
  useLocale();
  const library = useLibraryPages(workspaceId);
  const [chosen, setChosen] = useState<LibraryMedia[]>([]);
  const headingId = useId();
  const boxId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const boxes = useRef<(HTMLInputElement | null)[]>([]);
  /** After "Show more": the index of the first new row, to move focus there once it is shown. */
  const focusFrom = useRef<number | null>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    // Only once the new page is shown (a failed page keeps the mark for its retry).
    const from = focusFrom.current;
    if (from === null || library.items.length <= from) return;
    focusFrom.current = null;
    // The first new file that can be ticked; the heading when there is none (focus never drops to the page).
    const next = boxes.current.slice(from).find((box) => box && !box.disabled);
    (next ?? heading.current)?.focus();
  }, [library.items]);

  const room = MEDIA_PER_POST_MAX - attachedIds.length - chosen.length;
  const toggle = (item: LibraryMedia) =>
    setChosen((current) => (current.some((other) => other.id === item.id) ? current.filter((other) => other.id !== item.id) : [...current, item]));
  const attach = () => onAttach(chosen.map(({ createdAt: _, ...medium }) => medium));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    // The panel's Escape, not the popup's (a browser may close the whole popup on Escape).
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  const showMore = () => {
    focusFrom.current = library.items.length;
    library.loadMore();
  };

  const { items, loading, error } = library;
  const status = room <= 0 ? t('full', { max: MEDIA_PER_POST_MAX }) : chosen.length > 0 ? t('chosen', { count: chosen.length }) : t('noneChosen');
  return (
    <section className="library" role="dialog" aria-labelledby={headingId} onKeyDown={onKeyDown} data-testid="library">
      <h3 id={headingId} ref={heading} tabIndex={-1}>{t('heading')}</h3>
      {loading === 'first' && <p className="hint" role="status" data-testid="library-loading">{t('loading')}</p>}
      {loading === 'idle' && !error && items.length === 0 && <p className="hint" data-testid="library-empty">{t('empty')}</p>}
      {items.length > 0 && (
        <ul className="library-list" data-testid="library-list">
          {items.map((item, index) => {
            const attached = attachedIds.includes(item.id);
            const order = chosen.findIndex((other) => other.id === item.id);
            const date = formatDate(item.createdAt, { dateStyle: 'medium' });
            const name = item.name ?? t('unnamed', { kind: kindText(item.kind), date });
            return (
              <li key={item.id} className={`library-item${order >= 0 ? ' is-chosen' : ''}`} data-testid="library-item">
                <input
                  ref={(box) => { boxes.current[index] = box; }}
                  id={`${boxId}-${index}`}
                  type="checkbox"
                  checked={attached || order >= 0}
                  disabled={attached || (order < 0 && room <= 0)}
                  onChange={() => toggle(item)}
                />
                <label htmlFor={`${boxId}-${index}`}>
                  <Thumbnail item={item} />
                  <span className="library-text">
                    <span className="library-name" title={name}>{name}</span>
                    <span className="library-meta">
                      {kindText(item.kind)} · {date}
                      {attached && <> · <strong>{t('attached')}</strong></>}
                    </span>
                  </span>
                  {order >= 0 && (
                    <>
                      <span className="pick-order" aria-hidden="true">{order + 1}</span>
                      <span className="visually-hidden">, {t('order', { number: order + 1 })}</span>
                    </>
                  )}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <div className="library-problem">
          <FormError message={error.message} testId="library-error" />
          <Button variant="link" onClick={library.retry}>{t('retry')}</Button>
        </div>
      )}
      {library.hasMore && !error && (
        <Button variant="secondary" onClick={showMore} pending={loading === 'more'} pendingLabel={t('loadingMore')} data-testid="library-more">
          {t('showMore')}
        </Button>
      )}
      {loading !== 'first' && items.length > 0 && <p className="hint" role="status" data-testid="library-status">{status}</p>}
      <div className="library-actions">
        <Button onClick={attach} disabled={chosen.length === 0} data-testid="library-attach">
          {chosen.length > 0 ? t('attach', { count: chosen.length }) : t('attachNone')}
        </Button>
        <Button variant="secondary" onClick={onClose}>{t('cancel')}</Button>
      </div>
    </section>
  );
}

/** The signed thumbnail of an image; a type icon for videos, PDFs and images without one. */
function Thumbnail({ item }: { item: LibraryMedia }) {
  if (item.thumbnailUrl) return <img className="library-thumb" src={item.thumbnailUrl} alt="" loading="lazy" />;
  return (
    <span className="library-thumb library-icon" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round">
        {item.kind === 'video' ? (
          <>
            <rect x="3" y="5" width="18" height="14" rx="2" />
            <path d="M10 9.5v5l4.5-2.5z" fill="currentColor" />
          </>
        ) : item.kind === 'document' ? (
          <>
            <path d="M6 3h8l4 4v14H6z" />
            <path d="M14 3v4h4M9 12h6M9 16h6" />
          </>
        ) : (
          <>
            <rect x="3" y="5" width="18" height="14" rx="2" />
            <path d="m6 16 4-4 3 3 2-2 3 3" />
          </>
        )}
      </svg>
    </span>
  );
}
