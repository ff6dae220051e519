import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installMissingApis } from '../../testing/fake-apis.js';
import { errorBody, startFakeService, type FakeService } from '../../testing/fake-service.js';
import { captureResult, OTHER_WORKSPACE_ID, POST_ID, signedIn, WORKSPACE_ID } from '../../testing/fixtures.js';
import { backgroundLocale } from '../i18n/index.js';
import { sessionItem } from '../storage.js';
import { handleMenuClick } from './on-menu-click.js';
import { saveScreenshot, screenshotFileName } from './screenshot.js';

const PAGE = 'https://news.example.com/story';
const MEDIA_ID = '77777777-7777-4777-8777-777777777777';
const PNG = Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001', 'hex');
const tab = { id: 9, windowId: 4, url: PAGE, title: 'The story' } as Browser.tabs.Tab;
const click = (menuItemId: string) => ({ menuItemId, editable: false, pageUrl: PAGE, frameId: 0 }) as Browser.contextMenus.OnClickData;

let service: FakeService;
let captureVisibleTab: ReturnType<typeof vi.fn>;

const requestsTo = (suffix: string) => service.requests.filter((request) => request.path.split('?')[0]!.endsWith(suffix));
const notifications = () => Object.values(fakeBrowser.notifications.getAllCreateOptions());

beforeAll(async () => {
  service = await startFakeService();
});
afterAll(() => service.close());
beforeEach(async () => {
  fakeBrowser.reset();
  const apis = installMissingApis();
  apis.scripting.executeScript.mockImplementation(async () => [
    { result: { url: PAGE, title: 'The story', canonicalUrl: 'https://news.example.com/s', ogTitle: null, ogDescription: null, ogImage: null, siteName: 'News', author: 'Grace Hopper', selectionText: '', linkText: null, imageAlt: null } },
  ]);
  captureVisibleTab = vi.fn(async () => `data:image/png;base64,${PNG.toString('base64')}`);
  (fakeBrowser.tabs as unknown as { captureVisibleTab: typeof captureVisibleTab }).captureVisibleTab = captureVisibleTab;
  service.requests.length = 0;
  service.answer = (request) => {
    if (request.path.endsWith('/media')) return { status: 201, json: { id: MEDIA_ID } };
    if (request.path.endsWith('/captures')) return { status: 201, json: captureResult() };
    if (request.method === 'PATCH') return { status: 200, json: captureResult().post };
    return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
  };
  await signedIn(service.url);
});

describe('a screenshot of the visible area', () => {
  it('is uploaded to the media library, then made a draft of the page (with its provenance) whose media is the screenshot', async () => {
    const now = new Date('2026-03-04T05:06:07Z');
    const outcome = await saveScreenshot(tab, { now });
    expect(outcome).toEqual({ status: 'saved', workspaceId: WORKSPACE_ID, postId: POST_ID, mediaId: MEDIA_ID });
    expect(captureVisibleTab).toHaveBeenCalledWith(4, { format: 'png' });

    const [upload] = requestsTo('/media');
    expect(upload!.path).toBe(`/api/v1/workspaces/${WORKSPACE_ID}/media`);
    expect(upload!.headers['content-type']).toBe('image/png');
    expect(decodeURIComponent(String(upload!.headers['x-filename']))).toBe('Screenshot news.example.com 2026-03-04 05.06.png');
    expect(upload!.body).toEqual(PNG);

    expect(requestsTo('/captures')[0]!.body).toMatchObject({
      kind: 'page',
      url: PAGE,
      title: 'The story',
      page: { canonicalUrl: 'https://news.example.com/s', author: 'Grace Hopper', siteName: 'News' },
      capturedAt: now.toISOString(),
    });
    const [attach] = service.requests.filter((request) => request.method === 'PATCH');
    expect(attach!.path).toBe(`/api/v1/workspaces/${WORKSPACE_ID}/posts/${POST_ID}`);
    expect(attach!.body).toEqual({ mediaIds: [MEDIA_ID] });
    // Uploaded before the draft is made, so a draft never appears without its picture.
    expect(service.requests.map((request) => request.method + ' ' + request.path.split('/').pop())).toEqual(['POST media', 'POST captures', `PATCH ${POST_ID}`]);

    expect(notifications().at(-1)).toMatchObject({ title: 'Screenshot saved to Minopa', message: 'Saved to Ada’s workspace as a draft with the screenshot.', buttons: [{ title: 'Open' }] });
  });

  it('goes to the workspace of the submenu entry that was clicked', async () => {
    await handleMenuClick(click(`minopa-save-screenshot/${OTHER_WORKSPACE_ID}`), tab);
    expect(requestsTo('/media')[0]!.path).toBe(`/api/v1/workspaces/${OTHER_WORKSPACE_ID}/media`);
    expect(requestsTo('/captures')[0]!.path).toBe(`/api/v1/workspaces/${OTHER_WORKSPACE_ID}/captures`);
  });

  it('says so when the browser does not allow a screenshot, and sends nothing', async () => {
    captureVisibleTab.mockRejectedValue(new Error("Either the '<all_urls>' or 'activeTab' permission is required."));
    const outcome = await saveScreenshot(tab);
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringMatching(/did not allow a screenshot/) });
    expect(service.requests).toHaveLength(0);
    expect(notifications().at(-1)).toMatchObject({ title: 'Screenshot not saved' });
  });

  it('is not kept for later when the service is down: the person is told to try again', async () => {
    const down = await startFakeService();
    await down.close();
    await signedIn(down.url);
    const outcome = await saveScreenshot(tab);
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringMatching(/Cannot reach the Minopa service.*try again when the service is back/) });
  });

  it('shows the service’s refusal of the file', async () => {
    service.answer = () => ({ status: 413, json: errorBody('media_too_large', 'The image is larger than the 20 MB this library accepts.') });
    const outcome = await saveScreenshot(tab);
    expect(outcome).toEqual({ status: 'failed', message: 'The image is larger than the 20 MB this library accepts.' });
    expect(requestsTo('/captures')).toHaveLength(0);
  });

  it('keeps the draft and says where the screenshot is when it cannot be added to the draft', async () => {
    const answer = service.answer;
    service.answer = (request) => (request.method === 'PATCH' ? { status: 409, json: errorBody('media_in_use', 'No.') } : answer(request));
    const outcome = await saveScreenshot(tab);
    expect(outcome).toMatchObject({ status: 'not_attached', postId: POST_ID });
    expect(notifications().at(-1)).toMatchObject({ title: 'Screenshot not added to the draft', message: expect.stringMatching(/in its media library/) });
  });

  it('asks to sign in when nobody is', async () => {
    await sessionItem.removeValue();
    expect(await saveScreenshot(tab)).toEqual({ status: 'not_signed_in' });
    expect(captureVisibleTab).not.toHaveBeenCalled();
    expect(notifications().at(-1)?.title).toBe('Sign in to Minopa');
  });

  it('names the file after the site and the time', () => {
    expect(screenshotFileName('https://www.example.org/a?b', new Date('2026-01-02T03:04:05Z'))).toBe('Screenshot example.org 2026-01-02 03.04.png');
  });
});

describe('a screenshot in German', () => {
  // The options page mirrors the chosen language into browser.storage, where the background reads it.
  beforeEach(() => fakeBrowser.storage.local.set({ locale: 'de' }));
  afterEach(async () => {
    await fakeBrowser.storage.local.remove('locale');
    await backgroundLocale();
  });

  it('names the file and tells where the draft went in German', async () => {
    await saveScreenshot(tab, { now: new Date('2026-03-04T05:06:07Z') });
    expect(decodeURIComponent(String(requestsTo('/media')[0]!.headers['x-filename']))).toBe('Bildschirmfoto news.example.com 2026-03-04 05.06.png');
    expect(notifications().at(-1)).toMatchObject({
      title: 'Bildschirmfoto in Minopa gespeichert',
      message: 'Als Entwurf mit dem Bildschirmfoto in Ada’s workspace gespeichert.',
      buttons: [{ title: 'Öffnen' }],
    });
  });

  it('explains in German when the browser does not allow a screenshot', async () => {
    captureVisibleTab.mockRejectedValue(new Error('no permission'));
    await saveScreenshot(tab);
    expect(notifications().at(-1)).toMatchObject({
      title: 'Bildschirmfoto nicht gespeichert',
      message: 'Der Browser hat kein Bildschirmfoto dieses Tabs zugelassen. Bildschirmfotos sind auf Webseiten im aktiven Tab möglich.',
    });
  });
});
