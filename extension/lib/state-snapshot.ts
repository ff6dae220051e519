import type { ExtensionState, WorkspaceChoice } from './messaging/protocol.js';

/**
 * What the pages last learnt from the background about who is signed in and their workspaces, kept in
 * the extension pages' localStorage (as the theme and language are, lib/theme.ts): a page can read it
 * synchronously, so the popup's first frame is the composer rather than "Loading…" while its question
 * to the background travels. Every page that hears the state keeps this current, and a signed-out state
 * removes it, so it never outlives a sign-out made in a page. No name, email, token or page address:
 * only what the popup's first frame shows. The background's answer replaces it moments later.
 */
export interface StateSnapshot {
  workspaces: WorkspaceChoice[];
  defaultWorkspaceId: string | null;
  popupWorkspaceId: string | null;
}

const KEY = 'minopa.stateSnapshot';

/** The snapshot, or null when nobody was signed in the last time a page heard the state (or it is unreadable). */
export function readStateSnapshot(): StateSnapshot | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<StateSnapshot> | null;
    if (!parsed || !Array.isArray(parsed.workspaces)) return null;
    return { workspaces: parsed.workspaces, defaultWorkspaceId: parsed.defaultWorkspaceId ?? null, popupWorkspaceId: parsed.popupWorkspaceId ?? null };
  } catch {
    return null;
  }
}

/** Keeps what `state` says for the next page's first frame; signed out: forgets it. */
export function keepStateSnapshot(state: ExtensionState): void {
  if (!state.user) {
    localStorage.removeItem(KEY);
    return;
  }
  const snapshot: StateSnapshot = { workspaces: state.workspaces, defaultWorkspaceId: state.defaultWorkspaceId, popupWorkspaceId: state.popupWorkspaceId };
  const text = JSON.stringify(snapshot);
  // Unchanged (the usual case): no write, so other open pages get no storage event.
  if (localStorage.getItem(KEY) !== text) localStorage.setItem(KEY, text);
}
