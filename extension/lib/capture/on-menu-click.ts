import { recordUsage } from '../usage.js';
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
import { PAGE_VIDEO_MAX_BYTES } from './read-video.js';
import { supplyMediaIfNeeded } from './supply-media.js';

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
    void recordUsage({ name: 'capture.saved', client: 'background' }).catch(() => undefined);
    // An image or video the service cannot fetch (private network, behind the person's sign-in) is read
    // in the page, while the click's activeTab grant lasts, and sent to the draft.
    const media = capture.kind === 'image' || capture.kind === 'video' ? capture.kind : undefined;
    if (outcome.status === 'saved' && media && info.srcUrl && tab?.id !== undefined && tab.id >= 0) {
      const supplied = await supplyMediaIfNeeded({
        kind: media,
        workspaceId: outcome.workspaceId,
        postId: outcome.postId,
        mediaFetch: outcome.mediaFetch,
        tabId: tab.id,
        frameId: info.frameId ?? 0,
        srcUrl: info.srcUrl,
      });
      if (supplied === 'too_large') {
        const max = Math.round(PAGE_VIDEO_MAX_BYTES / (1024 * 1024));
        await notify('rejected', captureText('videoNotAddedTitle'), captureText('videoTooLarge', { max }), { postId: outcome.postId });
      } else if (supplied === 'unreadable' || supplied === 'refused') {
        const [title, message] = media === 'video' ? (['videoNotAddedTitle', 'videoNotAdded'] as const) : (['imageNotAddedTitle', 'imageNotAdded'] as const);
        await notify('rejected', captureText(title), captureText(message), { postId: outcome.postId });
      }
    }
  } catch (error) {
    if (!(error instanceof Error && 'code' in error)) console.error('[minopa] capture failed', error);
    await notify('rejected', captureText('notSavedTitle'), toUiError(error).message);
  }
}
