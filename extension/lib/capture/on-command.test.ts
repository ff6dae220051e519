import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installMissingApis } from '../../testing/fake-apis.js';
import { startFakeService, type FakeService } from '../../testing/fake-service.js';
import { captureResult, signedIn, WORKSPACE_ID } from '../../testing/fixtures.js';
import { COMMANDS, handleCommand } from './on-command.js';

const PAGE = 'https://blog.example.com/post';
let service: FakeService;
let apis: ReturnType<typeof installMissingApis>;

const captures = () => service.requests.filter((request) => request.path.endsWith('/captures'));
const lastNotification = () => Object.values(fakeBrowser.notifications.getAllCreateOptions()).at(-1);

beforeAll(async () => {
  service = await startFakeService();
});
afterAll(() => service.close());
beforeEach(async () => {
  fakeBrowser.reset();
  apis = installMissingApis();
  apis.scripting.executeScript.mockImplementation(async () => [
    { result: { url: PAGE, title: 'A post', canonicalUrl: null, ogTitle: null, ogDescription: null, ogImage: null, siteName: 'Blog', author: 'Ada', selectionText: '', linkText: null, imageAlt: null } },
  ]);
  service.requests.length = 0;
  service.answer = () => ({ status: 201, json: captureResult() });
  await signedIn(service.url);
});

describe('keyboard commands', () => {
  it('"save current page as draft" saves the tab it was pressed on to the default workspace, with its metadata', async () => {
    await handleCommand(COMMANDS.savePage, { id: 2, url: PAGE, title: 'Tab title' } as Browser.tabs.Tab);
    expect(apis.scripting.executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 2, frameIds: [0] } }));
    expect(captures()[0]?.path).toBe(`/api/v1/workspaces/${WORKSPACE_ID}/captures`);
    expect(captures()[0]?.body).toMatchObject({ kind: 'page', url: PAGE, title: 'A post', page: { author: 'Ada', siteName: 'Blog' } });
    expect(lastNotification()).toMatchObject({ title: 'Saved to Minopa', buttons: [{ title: 'Open' }] });
  });

  it('uses the active tab when the browser does not say which', async () => {
    const window = await fakeBrowser.windows.create({ focused: true });
    const opened = await fakeBrowser.tabs.create({ windowId: window!.id, url: PAGE, active: true });
    await handleCommand(COMMANDS.savePage, undefined);
    expect(captures()).toHaveLength(1);
    expect(apis.scripting.executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: opened.id, frameIds: [0] } }));
  });

  it('explains that a browser page cannot be saved', async () => {
    apis.scripting.executeScript.mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    await handleCommand(COMMANDS.savePage, { id: 2, url: 'chrome://extensions/', title: 'Extensions' } as Browser.tabs.Tab);
    expect(captures()).toHaveLength(0);
    expect(lastNotification()).toMatchObject({ title: 'Not saved to Minopa', message: expect.stringMatching(/only web pages/) });
  });

  it('"save screenshot" takes a screenshot of the tab', async () => {
    const captureVisibleTab = vi.fn(async () => { throw new Error('no permission'); });
    (fakeBrowser.tabs as unknown as { captureVisibleTab: typeof captureVisibleTab }).captureVisibleTab = captureVisibleTab;
    await handleCommand(COMMANDS.saveScreenshot, { id: 2, windowId: 8, url: PAGE } as Browser.tabs.Tab);
    expect(captureVisibleTab).toHaveBeenCalledWith(8, { format: 'png' });
    expect(lastNotification()?.title).toBe('Screenshot not saved');
  });

  it('ignores commands that are not its own', async () => {
    await handleCommand('_execute_action', { id: 2, url: PAGE } as Browser.tabs.Tab);
    expect(service.requests).toHaveLength(0);
    expect(lastNotification()).toBeUndefined();
  });
});
