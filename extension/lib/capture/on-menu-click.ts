import type { Browser } from 'wxt/browser';
import { toUiError } from '../errors.js';
import { notify } from '../notifications.js';
import { deliverCapture } from './deliver.js';
import { captureFromClick } from './from-click.js';
import { MENU_KINDS } from './build.js';
import { notifyOutcome } from './notify-outcome.js';

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
    await notifyOutcome(capture, await deliverCapture(capture));
  } catch (error) {
    if (!(error instanceof Error && 'code' in error)) console.error('[minopa] capture failed', error);
    await notify('rejected', 'Not saved to Minopa', toUiError(error).message);
  }
}
