import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { showBadge } from '../../lib/badge.js';
import { handleCommand } from '../../lib/capture/on-command.js';
import { handleMenuClick } from '../../lib/capture/on-menu-click.js';
import { rebuildContextMenus, watchMenuInputs } from '../../lib/context-menus.js';
import { reportError } from '../../lib/error-reporting.js';
import { handleUsageAlarm } from '../../lib/usage.js';
import { askForConsentOnInstall } from '../../lib/first-run.js';
import { ensureFailureWatch, handleFailureWatchAlarm, watchSignInForFailures } from '../../lib/failure-watch.js';
import { handleImportMenuClick } from '../../lib/import-menu-click.js';
import { ensureImportWatch, handleImportWatchAlarm } from '../../lib/import-watch.js';
import { registerMessageHandlers } from '../../lib/messaging/handlers.js';
import { handleNotificationButtonClick, handleNotificationClick } from '../../lib/notifications.js';
import { flushOfflineQueue, handleAlarm } from '../../lib/offline-queue.js';
import { watchLanguage } from './watch-language.js';

/**
 * Wiring only. Every listener is added synchronously on start, because an MV3 service worker woken
 * by an event only delivers it to listeners that exist by the end of the first turn.
 */
export default defineBackground(() => {
  const logFailure = (what: string) => (error: unknown) => {
    console.error(`[minopa] ${what} failed`, error);
    void reportError(error, what).catch(() => undefined);
  };
  // Anything else that escapes: reported too (only with a DSN and the person's consent, P8).
  self.addEventListener('unhandledrejection', (event) => void reportError(event.reason, 'unhandled rejection').catch(() => undefined));
  self.addEventListener('error', (event) => void reportError(event.error ?? event.message, 'uncaught error').catch(() => undefined));

  browser.runtime.onInstalled.addListener((details) => {
    askForConsentOnInstall(details).catch(logFailure('asking for privacy choices'));
    rebuildContextMenus().catch(logFailure('creating the context menus'));
    ensureFailureWatch().catch(logFailure('starting the failure watch'));
  });
  browser.runtime.onStartup.addListener(() => {
    rebuildContextMenus().catch(logFailure('creating the context menus'));
    ensureFailureWatch().catch(logFailure('starting the failure watch'));
    flushOfflineQueue().catch(logFailure('sending waiting captures'));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    handleMenuClick(info, tab).catch(logFailure('saving a capture'));
    handleImportMenuClick(info, tab).catch(logFailure('starting an import'));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    handleCommand(command, tab).catch(logFailure(`the keyboard command ${command}`));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    handleAlarm(alarm).catch(logFailure('sending waiting captures'));
    handleFailureWatchAlarm(alarm).catch(logFailure('looking for failed posts'));
    handleImportWatchAlarm(alarm).catch(logFailure('following imports'));
    handleUsageAlarm(alarm).catch(logFailure('sending usage statistics'));
  });
  browser.notifications.onClicked.addListener((id) => {
    handleNotificationClick(id).catch(logFailure('opening Minopa'));
  });
  browser.notifications.onButtonClicked.addListener((id, buttonIndex) => {
    handleNotificationButtonClick(id, buttonIndex).catch(logFailure('opening Minopa'));
  });
  registerMessageHandlers();
  // Menus follow sign-in, sign-out and the person's workspaces; the failure watch starts at sign-in.
  watchMenuInputs(logFailure('rebuilding the context menus'));
  watchSignInForFailures(logFailure('looking for failed posts'));
  // Menu titles and the badge's tooltip stay on screen: rebuilt in the new language as soon as it is chosen.
  watchLanguage(() => {
    rebuildContextMenus().catch(logFailure('rebuilding the context menus'));
    showBadge().catch(logFailure('updating the badge'));
  });

  // The badge is not persisted by the browser: show what waits and what failed whenever the worker starts.
  showBadge().catch(logFailure('updating the badge'));
  // Alarms may be gone after a browser restart without onStartup reaching a sleeping worker first.
  ensureFailureWatch().catch(logFailure('starting the failure watch'));
  // Imports started before a restart are still followed (the alarm is only there while some run).
  ensureImportWatch().catch(logFailure('following imports'));
});
