import { useEffect, useRef } from 'react';
import { sendMessage } from '../../lib/messaging/protocol.js';
import type { PopupComposerText } from '../../lib/popup-types.js';

/** Short enough that closing the popup right after typing keeps what was typed. */
export const SAVE_TEXT_DELAY_MS = 250;

type Text = Omit<PopupComposerText, 'userId' | 'savedAt'>;

/**
 * Keeps the text being written in extension storage (through the background), a moment after each
 * change, while `active` (the person wrote or restored something: a fresh prefill is not worth keeping).
 * The last change is also sent when the popup closes. `forget()` — the text was sent, or the person
 * started over — drops it from storage and drops what was waiting to be saved, at once: a save still
 * waiting must never write the sent text back (the next popup would offer it again, and sending it again
 * would post it twice).
 */
export function usePersistentText(workspaceId: string, text: Text, active: boolean): { forget(): void } {
  const pending = useRef<{ workspaceId: string; text: Text } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { pageUrl, title, body, overrides } = text;
  useEffect(() => {
    if (!active || !workspaceId) {
      // Sent or started over: nothing may be written back when the popup closes.
      pending.current = null;
      return;
    }
    pending.current = { workspaceId, text: { pageUrl, title, body, overrides } };
    timer.current = setTimeout(flush, SAVE_TEXT_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [active, workspaceId, pageUrl, title, body, overrides]);

  function flush() {
    const next = pending.current;
    pending.current = null;
    if (next) void sendMessage('savePopupText', next).catch(() => undefined);
  }
  useEffect(() => {
    // A popup closes by unloading: send what the timer has not sent yet.
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  return {
    // Synchronous, not left to the next render's effect: the timer may fire (or the popup close) before it.
    forget() {
      pending.current = null;
      clearTimeout(timer.current);
      if (workspaceId) void sendMessage('savePopupText', { workspaceId, text: null }).catch(() => undefined);
    },
  };
}
