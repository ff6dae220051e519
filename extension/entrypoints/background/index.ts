import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMenuClick } from '../../lib/capture/on-menu-click.js';
import { registerContextMenus } from '../../lib/context-menus.js';
import { registerMessageHandlers } from '../../lib/messaging/handlers.js';
import { handleNotificationClick } from '../../lib/notifications.js';
import { flushOfflineQueue, handleAlarm, refreshBadge } from '../../lib/offline-queue.js';

/**
 * Wiring only. Every listener is added synchronously on start, because an MV3 service worker woken
 * by an event only delivers it to listeners that exist by the end of the first turn.
 */
export default defineBackground(() => {
  const logFailure = (what: string) => (error: unknown) => console.error(`[minopa] ${what} failed`, error);

  browser.runtime.onInstalled.addListener(() => {
    registerContextMenus().catch(logFailure('creating the context menus'));
  });
  browser.runtime.onStartup.addListener(() => {
    registerContextMenus().catch(logFailure('creating the context menus'));
    flushOfflineQueue().catch(logFailure('sending waiting captures'));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    handleMenuClick(info, tab).catch(logFailure('saving a capture'));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    handleAlarm(alarm).catch(logFailure('sending waiting captures'));
  });
  browser.notifications.onClicked.addListener((id) => {
    handleNotificationClick(id).catch(logFailure('opening Minopa'));
  });
  registerMessageHandlers();

  // The badge is not persisted by the browser: show what waits whenever the worker starts.
  refreshBadge().catch(logFailure('updating the badge'));
});
