import { useCallback, useRef, useState } from 'react';
import { toUiError, type UiError } from '../lib/errors.js';

export interface ActionHandle<A extends unknown[], R> {
  /** Runs the action unless it is already running; resolves with its result, or undefined on failure. */
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: UiError | null;
  clearError: () => void;
}

/** Pending and error state of one button's action, so every button shows progress and failure the same way. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>): ActionHandle<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const busy = useRef(false);

  const run = useCallback(
    async (...args: A) => {
      // A double click must not send twice (two sign-ups, two drafts).
      if (busy.current) return undefined;
      busy.current = true;
      setPending(true);
      setError(null);
      try {
        return await action(...args);
      } catch (caught) {
        setError(toUiError(caught));
        return undefined;
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [action],
  );

  return { run, pending, error, clearError: useCallback(() => setError(null), []) };
}
