import { sendMessage, type ExtensionState } from '../../lib/messaging/protocol.js';

/**
 * The popup's first question to the background (who is signed in, which workspaces: storage only, no
 * network), asked as this module is evaluated. main.tsx imports it before everything else, so the
 * answer travels while React and the composer are still being evaluated and rendered, instead of after
 * the first render; the composer, which waits for it, then shows up a round trip earlier.
 */
export const firstState: Promise<ExtensionState> = sendMessage('getState', { refresh: false });
// A failure is shown where the answer is used (useExtensionState); until React has mounted to read it,
// it must not be reported as an unhandled rejection.
firstState.catch(() => undefined);
