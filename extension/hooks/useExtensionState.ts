import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { toUiError, type UiError } from '../lib/errors.js';
import { sendMessage, type ExtensionState } from '../lib/messaging/protocol.js';
import { keepStateSnapshot } from '../lib/state-snapshot.js';

export interface ExtensionStateHandle {
  state: ExtensionState | null;
  /** Why the state could not be loaded at all (the background did not answer). */
  error: UiError | null;
  /** Replaces the state with one a message returned (sign-in, sign-out, …). */
  setState: (state: ExtensionState) => void;
  reload: (refresh?: boolean) => Promise<void>;
}

/**
 * The background's view of things (who is signed in, workspaces, queue), kept current: shown from
 * storage at once, refreshed from the service, then re-read whenever extension storage changes (a capture queued
 * or sent while the page is open). Listening to storage is the only browser API a page touches
 * directly; every read and write still goes through the background. `first`, when given, is the answer
 * to a `getState` the page asked before React was even loaded (the popup does): used instead of asking again.
 * Every state heard is kept as the snapshot the popup's first frame is drawn from (lib/state-snapshot.ts).
 */
export function useExtensionState(first?: Promise<ExtensionState>): ExtensionStateHandle {
  const [state, setState] = useState<ExtensionState | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async (refresh = false, asked?: Promise<ExtensionState>) => {
    const request = ++latest.current;
    try {
      const next = await (asked ?? sendMessage('getState', { refresh }));
      // An older answer arriving late must not overwrite a newer one.
      if (request === latest.current) {
        setState(next);
        setError(null);
        keepStateSnapshot(next);
      }
    } catch (caught) {
      if (request === latest.current) setError(toUiError(caught));
    }
  }, []);

  useEffect(() => {
    // Cached state at once (the popup must work offline), then what the service says now.
    void reload(false, first).then(() => reload(true));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChanged = (_changes: unknown, area: string) => {
      if (area !== 'local') return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(false), 100);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [reload, first]);

  const replace = useCallback((next: ExtensionState) => {
    latest.current++;
    setState(next);
    setError(null);
    keepStateSnapshot(next);
  }, []);

  return { state, error, setState: replace, reload };
}
