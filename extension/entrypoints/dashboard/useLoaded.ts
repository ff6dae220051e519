import { useCallback, useEffect, useRef, useState } from 'react';
import { toUiError, type UiError } from '../../lib/errors.js';

export interface Loaded<T> {
  data: T | null;
  error: UiError | null;
  loading: boolean;
  /** Loads again (after a change), keeping what is shown until the new answer arrives. */
  reload: () => Promise<void>;
}

/**
 * Data a view reads through the background, loaded again whenever `key` changes. An answer that
 * arrives after a newer request was made is dropped, so switching weeks fast never shows the wrong one.
 */
export function useLoaded<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setLoading(true);
    try {
      const next = await loader.current();
      if (request !== latest.current) return;
      setData(next);
      setError(null);
    } catch (caught) {
      if (request === latest.current) setError(toUiError(caught));
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [key, reload]);

  return { data, error, loading, reload };
}
