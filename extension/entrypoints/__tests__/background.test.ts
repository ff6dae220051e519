import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { removeAllListeners, sendMessage } from '../../lib/messaging/protocol.js';
import { FLUSH_ALARM } from '../../lib/offline-queue.js';
import { offlineQueueItem } from '../../lib/storage.js';
import { installMissingApis } from '../../testing/fake-apis.js';
import { pageCapture, USER_ID, WORKSPACE_ID } from '../../testing/fixtures.js';
import background from '../background/index.js';

let apis: ReturnType<typeof installMissingApis>;
beforeEach(() => {
  fakeBrowser.reset();
  removeAllListeners();
  apis = installMissingApis();
});

describe('background wiring', () => {
  it('registers every listener synchronously when it starts', () => {
    const result = background.main();
    expect(result).toBeUndefined(); // no awaiting before listeners exist
    expect(fakeBrowser.runtime.onInstalled.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onStartup.hasListeners()).toBe(true);
    expect(apis.contextMenus.onClicked.hasListeners()).toBe(true);
    expect(fakeBrowser.alarms.onAlarm.hasListeners()).toBe(true);
    expect(fakeBrowser.notifications.onClicked.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
  });

  it('creates the context menus on install', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as Browser.runtime.InstalledDetails);
    await vi.waitFor(() => expect([...apis.contextMenus.items.keys()]).toEqual([
      'minopa-save-page',
      'minopa-save-selection',
      'minopa-save-link',
      'minopa-save-image',
    ]));
  });

  it('answers messages from the pages', async () => {
    background.main();
    const state = await sendMessage('getState', {});
    expect(state).toMatchObject({ user: null, queuedCount: 0, serviceUrl: 'http://localhost:8787' });
  });

  it('shows the waiting captures on the badge when it starts', async () => {
    await offlineQueueItem.setValue([
      { capture: pageCapture(), workspaceId: WORKSPACE_ID, workspaceName: null, userId: USER_ID, queuedAt: '', attempts: 1, lastError: null },
    ]);
    background.main();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
  });

  it('turns a menu click into a capture (signed out: a notification asking to sign in, which opens the options)', async () => {
    background.main();
    await apis.contextMenus.onClicked.trigger(
      { menuItemId: 'minopa-save-page', pageUrl: 'https://example.com/', editable: false } as Browser.contextMenus.OnClickData,
      { id: 1, url: 'https://example.com/' } as Browser.tabs.Tab,
    );
    await vi.waitFor(() => expect(Object.values(fakeBrowser.notifications.getAllCreateOptions())).toHaveLength(1));
    const [id, notification] = Object.entries(fakeBrowser.notifications.getAllCreateOptions())[0]!;
    expect(notification.title).toBe('Sign in to Minopa');
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(() => expect(apis.openOptionsPage).toHaveBeenCalled());
  });

  it('tries the offline queue on its alarm', async () => {
    background.main();
    await fakeBrowser.alarms.onAlarm.trigger({ name: FLUSH_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
    // Signed out: nothing to send, and nothing breaks.
    expect(await offlineQueueItem.getValue()).toEqual([]);
  });
});
