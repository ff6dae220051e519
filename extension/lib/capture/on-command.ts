import { browser, type Browser } from 'wxt/browser';
import { toUiError } from '../errors.js';
import { backgroundLocale } from '../i18n/index.js';
import { notify } from '../notifications.js';
import { buildCaptureFor } from './build.js';
import { deliverCapture } from './deliver.js';
import { readClickDetails } from './from-click.js';
import { captureText } from './messages.js';
import { notifyOutcome } from './notify-outcome.js';
import { saveScreenshot } from './screenshot.js';

/**
 * Keyboard commands the background answers (declared in wxt.config.ts `manifest.commands`; people change
 * the keys in the browser's shortcut settings). Opening the quick-post popup is `_execute_action`, which
 * the browser handles itself.
 */
export const COMMANDS = {
  savePage: 'save-page-as-draft',
  saveScreenshot: 'save-screenshot',
} as const;

/**
 * Runs a keyboard command. The shortcut grants activeTab for the tab it was pressed on, like a
 * context-menu click, so the page's metadata can be read and a screenshot taken. Never throws into
 * the listener: every failure ends in a notification.
 */
export async function handleCommand(command: string, tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (command !== COMMANDS.savePage && command !== COMMANDS.saveScreenshot) return;
  try {
    // Every sentence of this capture, including refusals thrown below, is in the chosen language.
    await backgroundLocale();
    const target = tab ?? (await activeTab());
    if (!target) {
      await notify('rejected', captureText('notSavedTitle'), captureText('noTab'));
      return;
    }
    if (command === COMMANDS.saveScreenshot) {
      await saveScreenshot(target);
      return;
    }
    await saveCurrentPage(target);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error)) console.error('[minopa] keyboard command failed', error);
    await notify('rejected', captureText('notSavedTitle'), toUiError(error).message);
  }
}

/** "Save current page as draft": a page capture of the tab, into the default workspace. */
export async function saveCurrentPage(tab: Browser.tabs.Tab): Promise<void> {
  const details = await readClickDetails({ frameId: 0 }, tab);
  const capture = buildCaptureFor('page', { menuItemId: '', pageUrl: tab.url ?? details?.url }, tab, details);
  await notifyOutcome(capture, await deliverCapture(capture));
}

/**
 * Older Chromium versions and Firefox may call the listener without the tab. For a background script
 * the "current" window is the one last focused, where the shortcut was pressed.
 */
async function activeTab(): Promise<Browser.tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}
