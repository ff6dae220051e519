import { useCallback, useEffect, useState } from 'react';
import { formatLocation, parseLocation, type PageLocation } from './location.js';

/** The page's location (view, day, workspace, open post) from the hash, following back/forward. */
export function usePageLocation(): [PageLocation, (patch: Partial<PageLocation>) => void] {
  const [location, setLocation] = useState(() => parseLocation(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setLocation(parseLocation(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const navigate = useCallback((patch: Partial<PageLocation>) => {
    setLocation((current) => {
      const next = { ...current, ...patch };
      const hash = formatLocation(next);
      // Each change is a history entry, so Back closes a post or returns to the previous view.
      if (window.location.hash !== hash) window.location.hash = hash;
      return next;
    });
  }, []);
  return [location, navigate];
}
