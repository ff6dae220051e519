import { useEffect, useState } from 'react';
import { toUiError, type UiError } from '../../lib/errors.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import type { CachedPopupWorkspace, PopupSetup } from '../../lib/popup-types.js';

export interface WorkspaceMemory {
  /** From storage: last choices and unsent text; null until read. */
  setup: PopupSetup | null;
  /** Channels and time zone: cached first, then fresh from the service. */
  workspace: CachedPopupWorkspace | null;
  refreshing: boolean;
  /** Why the refresh failed (cached channels are still shown). */
  refreshError: UiError | null;
}

/**
 * A workspace's popup data without waiting on the network: what storage remembers at once, then the
 * service's current channels and time zone in the background.
 */
export function useWorkspaceMemory(workspaceId: string): WorkspaceMemory {
  const [memory, setMemory] = useState<WorkspaceMemory>({ setup: null, workspace: null, refreshing: false, refreshError: null });
  useEffect(() => {
    setMemory({ setup: null, workspace: null, refreshing: Boolean(workspaceId), refreshError: null });
    if (!workspaceId) return;
    let live = true;
    const update = (change: Partial<WorkspaceMemory>) => live && setMemory((current) => ({ ...current, ...change }));
    sendMessage('getPopupSetup', { workspaceId }).then(
      // The refresh may have answered first: the cache never replaces fresher channels.
      (setup) => live && setMemory((current) => ({ ...current, setup, workspace: current.workspace ?? setup.cached })),
      () => update({ setup: { cached: null, lastChannels: [], lastAction: null, unsentText: null, lastOptions: {} } }),
    );
    sendMessage('refreshPopupWorkspace', { workspaceId }).then(
      (workspace) => update({ workspace, refreshing: false }),
      (error: unknown) => update({ refreshing: false, refreshError: toUiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [workspaceId]);
  return memory;
}
