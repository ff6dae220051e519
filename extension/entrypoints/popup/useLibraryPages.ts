import { useCallback, useEffect, useRef, useState } from 'react';
import { toUiError, type UiError } from '../../lib/errors.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import type { LibraryMedia } from '../../lib/popup-types.js';

export interface LibraryPages {
  items: LibraryMedia[];
  /** 'first': the first page is on its way; 'more': a further page; 'idle': nothing pending. */
  loading: 'first' | 'more' | 'idle';
  /** Why the last page did not come; `retry` asks again for that same page. */
  error: UiError | null;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

/**
 * The workspace's media library, a page at a time through the background (newest first). The first
 * page is asked for on mount; later pages are appended by `loadMore`. Answers arriving after the picker
 * closed are dropped.
 */
export function useLibraryPages(workspaceId: string): LibraryPages {
  const [items, setItems] = useState<LibraryMedia[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState<LibraryPages['loading']>('first');
  const [error, setError] = useState<UiError | null>(null);
  const mounted = useRef(true);
  const busy = useRef(false);

  const load = useCallback(
    async (cursor: string | null) => {
      // A second click on "Show more" while a page is coming must not ask for (and append) it twice.
      if (busy.current) return;
      busy.current = true;
      setLoading(cursor ? 'more' : 'first');
      setError(null);
      try {
        const page = await sendMessage('listLibraryMedia', { workspaceId, ...(cursor ? { cursor } : {}) });
        if (!mounted.current) return;
        setItems((shown) => (cursor ? [...shown, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (caught) {
        if (mounted.current) setError(toUiError(caught));
      } finally {
        busy.current = false;
        if (mounted.current) setLoading('idle');
      }
    },
    [workspaceId],
  );

  useEffect(() => {
    mounted.current = true;
    void load(null);
    return () => {
      mounted.current = false;
    };
  }, [load]);

  return {
    items,
    loading,
    error,
    hasMore: nextCursor !== null,
    loadMore: () => void load(nextCursor),
    // Nothing shown yet: the first page again; otherwise the page that failed.
    retry: () => void load(items.length === 0 ? null : nextCursor),
  };
}
