import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FAILURE_WATCH_ALARM } from '../../lib/failure-watch.js';
import { backgroundLocale } from '../../lib/i18n/index.js';
import { removeAllListeners, sendMessage } from '../../lib/messaging/protocol.js';
import { FLUSH_ALARM } from '../../lib/offline-queue.js';
import { failureWatchItem, offlineQueueItem } from '../../lib/storage.js';
import { fakeEvent, installMissingApis } from '../../testing/fake-apis.js';
import { errorBody, startFakeService } from '../../testing/fake-service.js';
import { OTHER_WORKSPACE_ID, pageCapture, signedIn, USER_ID, WORKSPACE_ID } from '../../testing/fixtures.js';
import background from '../background/index.js';

let apis: ReturnType<typeof installMissingApis>;
let commands: ReturnType<typeof installCommands>;

/** The fake browser has no commands API: a small one whose event a test can fire. */
function installCommands() {
  const onCommand = fakeEvent<(command: string, tab?: Browser.tabs.Tab) => void>();
  (fakeBrowser as unknown as { commands: unknown }).commands = { onCommand };
  return { onCommand };
}

beforeEach(() => {
  fakeBrowser.reset();
  removeAllListeners();
  apis = installMissingApis();
  commands = installCommands();
});
afterEach(async () => {
  await service?.close();
  service = null;
  // Tests that choose German leave the next one in English again.
  await fakeBrowser.storage.local.remove('locale');
  await backgroundLocale();
});

let service: Awaited<ReturnType<typeof startFakeService>> | null = null;
const POST_ID = '66666666-6666-4666-8666-666666666666';

describe('background wiring', () => {
  it('registers every listener synchronously when it starts', () => {
    const result = background.main();
    expect(result).toBeUndefined(); // no awaiting before listeners exist
    expect(fakeBrowser.runtime.onInstalled.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onStartup.hasListeners()).toBe(true);
    expect(apis.contextMenus.onClicked.hasListeners()).toBe(true);
    expect(fakeBrowser.alarms.onAlarm.hasListeners()).toBe(true);
    expect(fakeBrowser.notifications.onClicked.hasListeners()).toBe(true);
    expect(fakeBrowser.notifications.onButtonClicked.hasListeners()).toBe(true);
    expect(commands.onCommand.hasListeners()).toBe(true);
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
      'minopa-save-video',
      'minopa-save-screenshot',
    ]));
    // The failure watch polls every minute without a page that stays alive.
    expect(await fakeBrowser.alarms.get(FAILURE_WATCH_ALARM)).toMatchObject({ periodInMinutes: 1 });
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

  it('rebuilds the menus with a workspace submenu when someone signs in, and flat again when they sign out', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as Browser.runtime.InstalledDetails);
    service = await startFakeService(() => ({ status: 200, json: { items: [], nextCursor: null } }));
    await signedIn(service.url);
    await vi.waitFor(() => expect(apis.contextMenus.items.has(`minopa-save-image/${OTHER_WORKSPACE_ID}`)).toBe(true));
    await fakeBrowser.storage.local.remove('session');
    await vi.waitFor(() => expect(apis.contextMenus.items.has(`minopa-save-image/${OTHER_WORKSPACE_ID}`)).toBe(false));
  });

  it('saves the current page on its keyboard command, and the notification’s Open button opens the draft in the dashboard', async () => {
    service = await startFakeService((request) =>
      request.path.endsWith('/captures')
        ? { status: 201, json: { duplicate: false, post: { ...postJson(), id: POST_ID } } }
        : { status: 200, json: { items: [], nextCursor: null } },
    );
    await signedIn(service.url);
    background.main();
    await commands.onCommand.trigger('save-page-as-draft', { id: 3, url: 'https://example.com/read', title: 'Worth reading', windowId: 1 } as Browser.tabs.Tab);
    await vi.waitFor(() => expect(service!.requests.some((request) => request.path.endsWith('/captures'))).toBe(true));
    const capture = service.requests.find((request) => request.path.endsWith('/captures'))!;
    expect(capture.path).toBe(`/api/v1/workspaces/${WORKSPACE_ID}/captures`);
    expect(capture.body).toMatchObject({ kind: 'page', url: 'https://example.com/read', title: 'Worth reading' });

    await vi.waitFor(() => expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toHaveLength(1));
    const [id, notification] = Object.entries(fakeBrowser.notifications.getAllCreateOptions())[0]!;
    expect(notification).toMatchObject({ title: 'Saved to Minopa', buttons: [{ title: 'Open' }] });
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 0);
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(`chrome-extension://${fakeBrowser.runtime.id}/dashboard.html#post=${POST_ID}`));
  });

  it('looks for failed posts when a page asks (after a retry), and answers with the count', async () => {
    service = await startFakeService((request) =>
      request.path.includes(`/workspaces/${WORKSPACE_ID}/posts`)
        ? { status: 200, json: { items: [{ ...postJson(), status: 'failed' }], nextCursor: null } }
        : { status: 200, json: { items: [], nextCursor: null } },
    );
    background.main();
    expect(await sendMessage('checkPublishingFailures')).toEqual({ failedCount: 0 });
    await signedIn(service.url);
    await vi.waitFor(async () => expect(await sendMessage('checkPublishingFailures')).toEqual({ failedCount: 1 }));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('reports a post that failed since the last look when the failure-watch alarm fires', async () => {
    const failed = { ...postJson(), id: POST_ID, status: 'failed', title: 'Launch day' };
    service = await startFakeService((request) => {
      if (request.path.includes('/targets')) return { status: 200, json: { postId: POST_ID, postStatus: 'failed', items: [] } };
      if (request.path.includes(`/workspaces/${WORKSPACE_ID}/posts`)) return { status: 200, json: { items: [failed], nextCursor: null } };
      if (request.path.includes('/posts')) return { status: 200, json: { items: [], nextCursor: null } };
      return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
    });
    await signedIn(service.url);
    await failureWatchItem.setValue({ userId: USER_ID, seen: { [WORKSPACE_ID]: [], [OTHER_WORKSPACE_ID]: [] }, failedCount: 0, checkedAt: '' });
    background.main();
    await fakeBrowser.alarms.onAlarm.trigger({ name: FAILURE_WATCH_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
    await vi.waitFor(() => expect(Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((n) => n.title)).toContain('Post failed to publish'));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
  });

  it('shows the menus and the badge’s tooltip in the language chosen in the options, switching at once', async () => {
    await offlineQueueItem.setValue([
      { capture: pageCapture(), workspaceId: WORKSPACE_ID, workspaceName: null, userId: USER_ID, queuedAt: '', attempts: 1, lastError: null },
    ]);
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as Browser.runtime.InstalledDetails);
    const pageTitle = () => apis.contextMenus.items.get('minopa-save-page')?.title;
    await vi.waitFor(() => expect(pageTitle()).toBe('Save page to Minopa'));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getTitle({})).toBe('Minopa — 1 capture waiting for the service'));

    // What the options page's setLocale writes for the background.
    await fakeBrowser.storage.local.set({ locale: 'de' });
    await vi.waitFor(() => expect(pageTitle()).toBe('Seite in Minopa speichern'));
    expect(apis.contextMenus.items.get('minopa-save-selection')?.title).toBe('„%s“ in Minopa speichern');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getTitle({})).toBe('Minopa – 1 Erfassung wartet auf den Dienst'));

    await fakeBrowser.storage.local.set({ locale: 'en' });
    await vi.waitFor(() => expect(pageTitle()).toBe('Save page to Minopa'));
  });

  it('writes its notifications in the chosen language from the first event after a wake-up', async () => {
    await fakeBrowser.storage.local.set({ locale: 'de' });
    background.main();
    await apis.contextMenus.onClicked.trigger(
      { menuItemId: 'minopa-save-page', pageUrl: 'https://example.com/', editable: false } as Browser.contextMenus.OnClickData,
      { id: 1, url: 'https://example.com/' } as Browser.tabs.Tab,
    );
    await vi.waitFor(() => expect(Object.values(fakeBrowser.notifications.getAllCreateOptions())).toHaveLength(1));
    expect(Object.values(fakeBrowser.notifications.getAllCreateOptions())[0]).toMatchObject({
      title: 'Bei Minopa anmelden',
      message: 'Melden Sie sich an, um Seiten in Ihrem Arbeitsbereich zu speichern. Klicken Sie hier, um Minopa zu öffnen.',
    });
  });
});

/** A post as the service sends it. */
function postJson() {
  const now = '2025-01-01T00:00:00.000Z';
  return {
    id: POST_ID, workspaceId: WORKSPACE_ID, status: 'draft', title: 'Worth reading', body: 'Worth reading', hashtags: [], source: null,
    media: [], mediaFetch: null, createdBy: null, createdAt: now, updatedAt: now, archivedAt: null,
  };
}
