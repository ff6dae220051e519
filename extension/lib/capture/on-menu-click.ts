import type { Browser } from 'wxt/browser';
import { toUiError } from '../errors.js';
import { notify } from '../notifications.js';
import { deliverCapture } from './deliver.js';
import { captureFromClick } from './from-click.js';
import { MENU_KINDS } from './build.js';
import { notifyOutcome } from './notify-outcome.js';
import { supplyImageIfNeeded } from './supply-image.js';

/**
 * The whole one-click path: click → capture (with the page's metadata) → default workspace →
 * notification. Never throws into the listener: every failure ends in a notification.
 */
export async function handleMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  if (!(String(info.menuItemId) in MENU_KINDS)) return;
  try {
    const capture = await captureFromClick(info, tab);
    const outcome = await deliverCapture(capture);
    await notifyOutcome(capture, outcome);
    // An image the service cannot fetch (private network, behind the person's sign-in) is read in the
    // page, while the click's activeTab grant lasts, and sent to the draft.
    if (outcome.status === 'saved' && capture.kind === 'image' && info.srcUrl && tab?.id !== undefined && tab.id >= 0) {
      const supplied = await supplyImageIfNeeded({
        workspaceId: outcome.workspaceId,
        postId: outcome.postId,
        mediaFetch: outcome.mediaFetch,
        tabId: tab.id,
        frameId: info.frameId ?? 0,
        srcUrl: info.srcUrl,
      });
      if (supplied === 'unreadable' || supplied === 'refused') {
        await notify('rejected', 'Image not added', 'The draft was saved, but its image could not be read from the page. Add the image to the draft from the media library.');
      }
    }
  } catch (error) {
    if (!(error instanceof Error && 'code' in error)) console.error('[minopa] capture failed', error);
    await notify('rejected', 'Not saved to Minopa', toUiError(error).message);
  }
}
