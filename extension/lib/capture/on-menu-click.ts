import type { Browser } from 'wxt/browser';
import { parseMenuItemId } from '../context-menus.js';
import { toUiError } from '../errors.js';
import { backgroundLocale } from '../i18n/index.js';
import { notify } from '../notifications.js';
import { deliverCapture } from './deliver.js';
import { captureFromClick } from './from-click.js';
import { captureText } from './messages.js';
import { notifyOutcome } from './notify-outcome.js';
import { saveScreenshot } from './screenshot.js';
import { supplyImageIfNeeded } from './supply-image.js';

/**
 * The whole one-click path: click → capture (with the page's metadata) → the workspace of the submenu
 * entry, or the default one → notification with a way to open the draft. Never throws into the
 * listener: every failure ends in a notification.
 */
export async function handleMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  const target = parseMenuItemId(info.menuItemId);
  if (!target) return;
  try {
    // Every sentence of this capture, including refusals thrown below, is in the chosen language.
    await backgroundLocale();
    if (target.action === 'screenshot') {
      await saveScreenshot(tab, { workspaceId: target.workspaceId, pageUrl: info.pageUrl });
      return;
    }
    const capture = await captureFromClick(info, tab);
    const outcome = await deliverCapture(capture, target.workspaceId ?? undefined);
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
        await notify('rejected', captureText('imageNotAddedTitle'), captureText('imageNotAdded'), { postId: outcome.postId });
      }
    }
  } catch (error) {
    if (!(error instanceof Error && 'code' in error)) console.error('[minopa] capture failed', error);
    await notify('rejected', captureText('notSavedTitle'), toUiError(error).message);
  }
}
