import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installMissingApis } from '../../testing/fake-apis.js';
import { errorBody, startFakeService, type FakeService } from '../../testing/fake-service.js';
import { captureResult, OTHER_WORKSPACE_ID, POST_ID, signedIn, WORKSPACE_ID } from '../../testing/fixtures.js';
import { backgroundLocale } from '../i18n/index.js';
import { handleNotificationClick } from '../notifications.js';
import { FLUSH_ALARM, handleAlarm } from '../offline-queue.js';
import { offlineQueueItem, rejectedCapturesItem, serviceUrlItem, sessionItem } from '../storage.js';
import { handleMenuClick } from './on-menu-click.js';

const PAGE = 'https://example.com/post';
const tab = { id: 5, url: PAGE, title: 'A post' } as Browser.tabs.Tab;
const click = (menuItemId: string, extra: Partial<Browser.contextMenus.OnClickData> = {}) =>
  ({ menuItemId, editable: false, pageUrl: PAGE, frameId: 0, ...extra }) as Browser.contextMenus.OnClickData;

let service: FakeService;
let apis: ReturnType<typeof installMissingApis>;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(() => service.close());
beforeEach(async () => {
  fakeBrowser.reset();
  apis = installMissingApis();
  service.requests.length = 0;
  service.answer = () => ({ status: 201, json: captureResult() });
  await signedIn(service.url);
});

const captures = () => service.requests.filter((request) => request.path.endsWith('/captures'));
const notifications = () => Object.entries(fakeBrowser.notifications.getAllCreateOptions());
const lastNotification = () => notifications().at(-1)?.[1];

describe('a context-menu capture', () => {
  it.each([
    ['minopa-save-page', {}, { kind: 'page' }],
    ['minopa-save-selection', { selectionText: 'a quote' }, { kind: 'selection', selectionText: 'a quote' }],
    ['minopa-save-link', { linkUrl: 'https://example.org/' }, { kind: 'link', linkUrl: 'https://example.org/' }],
    ['minopa-save-image', { srcUrl: 'https://example.com/a.png' }, { kind: 'image', imageUrl: 'https://example.com/a.png' }],
  ])('%s goes to the default workspace and says where', async (id, extra, expected) => {
    await handleMenuClick(click(id, extra), tab);
    expect(captures()).toHaveLength(1);
    expect(captures()[0]?.path).toBe(`/api/v1/workspaces/${WORKSPACE_ID}/captures`);
    expect(captures()[0]?.body).toMatchObject({ url: PAGE, title: 'A post', ...expected });
    expect(lastNotification()).toMatchObject({ title: 'Saved to Minopa', message: 'Saved to Ada’s workspace as a draft' });
  });

  it('asks to sign in when nobody is, and a click on that notification opens the options page', async () => {
    await sessionItem.removeValue();
    await handleMenuClick(click('minopa-save-page'), tab);
    expect(captures()).toHaveLength(0);
    const [id, notification] = notifications().at(-1)!;
    expect(notification.title).toBe('Sign in to Minopa');
    await handleNotificationClick(id);
    expect(apis.openOptionsPage).toHaveBeenCalled();
  });

  it('waits in the offline queue, same clientId, when the service is down', async () => {
    const down = await startFakeService();
    await down.close();
    await serviceUrlItem.setValue(down.url);
    await handleMenuClick(click('minopa-save-selection', { selectionText: 'kept for later' }), tab);

    const queue = await offlineQueueItem.getValue();
    expect(queue).toHaveLength(1);
    expect(queue[0]?.capture).toMatchObject({ kind: 'selection', selectionText: 'kept for later' });
    expect(lastNotification()?.title).toBe('Minopa is offline');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.alarms.get(FLUSH_ALARM)).toBeDefined();

    // Back up: the waiting capture is delivered with the clientId it was made with.
    await serviceUrlItem.setValue(service.url);
    await handleAlarm({ name: FLUSH_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
    expect((captures()[0]?.body as { clientId: string }).clientId).toBe(queue[0]?.capture.clientId);
    expect(await offlineQueueItem.getValue()).toEqual([]);
  });

  it('keeps a refused capture in the rejected list and shows the service’s sentence', async () => {
    service.answer = () => ({ status: 403, json: errorBody('forbidden', 'Your role in this workspace does not allow that.') });
    await handleMenuClick(click('minopa-save-page'), tab);
    expect(lastNotification()).toMatchObject({ title: 'Not saved to Minopa', message: `Your role in this workspace does not allow that. (${PAGE})` });
    expect((await rejectedCapturesItem.getValue())[0]).toMatchObject({ code: 'forbidden', capture: { url: PAGE } });
    expect(await offlineQueueItem.getValue()).toEqual([]);
  });

  it('keeps the capture and asks to sign in again when the session has ended', async () => {
    service.answer = () => ({ status: 401, json: errorBody('session_expired', 'Your session has ended. Please sign in again.') });
    await handleMenuClick(click('minopa-save-page'), tab);
    expect(await offlineQueueItem.getValue()).toHaveLength(1);
    expect(lastNotification()?.title).toBe('Sign in to Minopa');
  });

  it('explains what cannot be captured instead of failing silently', async () => {
    await handleMenuClick(click('minopa-save-image', { srcUrl: 'data:image/png;base64,AAAA' }), tab);
    expect(captures()).toHaveLength(0);
    expect(lastNotification()?.message).toMatch(/embedded in the page/);
  });

  it('ignores menu items that are not Minopa’s', async () => {
    await handleMenuClick(click('another-extension-item'), tab);
    expect(captures()).toHaveLength(0);
    expect(notifications()).toHaveLength(0);
  });

  it('goes to the workspace of the submenu entry that was clicked', async () => {
    service.answer = () => ({ status: 201, json: captureResult(OTHER_WORKSPACE_ID) });
    await handleMenuClick(click(`minopa-save-link/${OTHER_WORKSPACE_ID}`, { linkUrl: 'https://example.org/' }), tab);
    expect(captures()[0]?.path).toBe(`/api/v1/workspaces/${OTHER_WORKSPACE_ID}/captures`);
    expect(lastNotification()).toMatchObject({ message: 'Saved to Team as a draft' });
  });

  it('saves a video capture of the video file, with the video’s title, keeping the page as provenance', async () => {
    apis.scripting.executeScript.mockImplementation(async () => [
      { result: { url: PAGE, title: 'A post', canonicalUrl: null, ogTitle: null, ogDescription: null, ogImage: null, siteName: null, author: 'Jane Doe', selectionText: '', linkText: null, imageAlt: null, videoTitle: 'Harbour timelapse' } },
    ]);
    await handleMenuClick(click('minopa-save-video', { srcUrl: 'https://cdn.example.com/harbour.mp4', mediaType: 'video' }), tab);
    expect(captures()[0]?.body).toMatchObject({
      kind: 'video',
      url: PAGE,
      videoUrl: 'https://cdn.example.com/harbour.mp4',
      videoTitle: 'Harbour timelapse',
      page: { author: 'Jane Doe' },
    });
  });

  it('saves the page of a video streamed into it (no address of its own)', async () => {
    await handleMenuClick(click('minopa-save-video', { srcUrl: 'blob:https://example.com/5d1c', mediaType: 'video' }), tab);
    expect(captures()[0]?.body).toMatchObject({ kind: 'page', url: PAGE });
    expect(captures()[0]?.body).not.toHaveProperty('linkUrl');
    expect(captures()[0]?.body).not.toHaveProperty('videoUrl');
  });

  it('offers to open the saved draft in the dashboard', async () => {
    await handleMenuClick(click('minopa-save-page'), tab);
    const [id, notification] = notifications().at(-1)!;
    expect(notification.buttons).toEqual([{ title: 'Open' }]);
    await handleNotificationClick(id);
    const urls = (await fakeBrowser.tabs.query({})).map((opened) => opened.url);
    expect(urls).toContain(`chrome-extension://${fakeBrowser.runtime.id}/dashboard.html#post=${POST_ID}`);
    expect(apis.openOptionsPage).not.toHaveBeenCalled();
  });
});

describe('a context-menu capture in German', () => {
  // The options page mirrors the chosen language into browser.storage, where the background reads it.
  beforeEach(() => fakeBrowser.storage.local.set({ locale: 'de' }));
  afterEach(async () => {
    await fakeBrowser.storage.local.remove('locale');
    await backgroundLocale();
  });

  it('says where the draft went, with an „Öffnen“ button', async () => {
    await handleMenuClick(click('minopa-save-page'), tab);
    expect(lastNotification()).toMatchObject({
      title: 'In Minopa gespeichert',
      message: 'Als Entwurf in Ada’s workspace gespeichert',
      buttons: [{ title: 'Öffnen' }],
    });
  });

  it('explains a page the extension cannot save', async () => {
    await handleMenuClick(click('minopa-save-page', { pageUrl: 'chrome://settings/' }), { id: 5, url: 'chrome://settings/' } as Browser.tabs.Tab);
    expect(captures()).toHaveLength(0);
    expect(lastNotification()).toMatchObject({
      title: 'Nicht in Minopa gespeichert',
      message: 'Minopa kann nur Webseiten speichern (Adressen, die mit http:// oder https:// beginnen).',
    });
  });

  it('says the capture waits while the service is down, and asks to sign in when nobody is', async () => {
    const down = await startFakeService();
    await down.close();
    await serviceUrlItem.setValue(down.url);
    await handleMenuClick(click('minopa-save-page'), tab);
    expect(lastNotification()).toMatchObject({
      title: 'Minopa ist offline',
      message: 'Der Dienst ist nicht erreichbar. Ihre Erfassung wird in Ada’s workspace gespeichert, sobald er wieder erreichbar ist.',
    });

    await sessionItem.removeValue();
    await handleMenuClick(click('minopa-save-page'), tab);
    expect(lastNotification()?.title).toBe('Bei Minopa anmelden');
  });

  it('keeps the service’s own refusal as it was sent', async () => {
    service.answer = () => ({ status: 403, json: errorBody('forbidden', 'Your role in this workspace does not allow that.') });
    await handleMenuClick(click('minopa-save-page'), tab);
    expect(lastNotification()).toMatchObject({ title: 'Nicht in Minopa gespeichert', message: `Your role in this workspace does not allow that. (${PAGE})` });
  });
});
