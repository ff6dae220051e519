import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerMessageHandlers } from '../../lib/messaging/handlers.js';
import { offlineQueueItem, popupWorkspaceIdItem, sessionItem } from '../../lib/storage.js';
import { byLabel, byTestId, button, click, render, type, until } from '../../testing/dom.js';
import type { installMissingApis } from '../../testing/fake-apis.js';
import { errorBody, startFakeService, type FakeService, type ReceivedRequest } from '../../testing/fake-service.js';
import { captureResult, me, OTHER_WORKSPACE_ID, signedIn, WORKSPACE_ID } from '../../testing/fixtures.js';
import { App } from '../popup/App.js';
import { prefillFromUrl } from '../popup/prefill.js';
import { resetExtension } from '../../testing/reset-extension.js';

function routes(request: ReceivedRequest) {
  const route = `${request.method} ${request.path}`;
  if (route === 'GET /api/v1/me') return { status: 200, json: me };
  if (route === 'GET /api/v1/workspaces') {
    return {
      status: 200,
      json: {
        items: [
          { id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner', createdAt: me.createdAt },
          { id: OTHER_WORKSPACE_ID, name: 'Team', role: 'editor', createdAt: me.createdAt },
        ],
      },
    };
  }
  if (request.path.endsWith('/captures')) return { status: 201, json: captureResult() };
  return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
}

let service: FakeService;
let apis: ReturnType<typeof installMissingApis>;
let unmount: (() => Promise<void>) | undefined;
beforeAll(async () => {
  service = await startFakeService(routes);
});
afterAll(() => service.close());
beforeEach(async () => {
  apis = resetExtension(service);
  service.answer = routes;
  await signedIn(service.url);
  registerMessageHandlers();
});
afterEach(() => unmount?.());

const QUOTE_PAGE = '?url=https%3A%2F%2Fexample.com%2Fstory&title=The%20story&selection=Well%20said';

describe('popup', () => {
  it('prefills title, quote and link from the page, and saves a draft to the chosen workspace', async () => {
    unmount = await render(<App override={prefillFromUrl(QUOTE_PAGE)} />);
    await until(() => expect(byLabel('Title').value).toBe('The story'));
    expect(byLabel<HTMLTextAreaElement>('Text').value).toBe('“Well said”\n\nThe story https://example.com/story');
    expect(byLabel('Link').value).toBe('https://example.com/story');
    expect(byLabel<HTMLSelectElement>('Workspace').value).toBe(WORKSPACE_ID);

    await type(byLabel('Title'), 'My take');
    byLabel<HTMLSelectElement>('Workspace').value = OTHER_WORKSPACE_ID;
    byLabel<HTMLSelectElement>('Workspace').dispatchEvent(new Event('change', { bubbles: true }));
    await click(button('Save draft'));

    await until(() => expect(byTestId('save-status')?.textContent).toBe('Saved to Team'));
    const capture = service.requests.find((request) => request.path.endsWith('/captures'));
    expect(capture?.path).toBe(`/api/v1/workspaces/${OTHER_WORKSPACE_ID}/captures`);
    expect(capture?.body).toMatchObject({ kind: 'page', url: 'https://example.com/story', title: 'The story', selectionText: 'Well said', draft: { title: 'My take' } });
    // The form gives way to the result, with a link to the post: nothing can be saved twice by a second click.
    expect(byTestId('composer')).toBeNull();
    expect(byTestId<HTMLAnchorElement>('open-post')?.getAttribute('href')).toMatch(/\/dashboard\.html#post=/);
    expect(service.requests.filter((request) => request.path.endsWith('/captures'))).toHaveLength(1);
    expect(await popupWorkspaceIdItem.getValue()).toBe(OTHER_WORKSPACE_ID);
  });

  it('says the draft is kept when the service is down', async () => {
    service.answer = (request) => (request.path.endsWith('/captures') ? { status: 503, json: errorBody('service_unavailable', 'Not ready.') } : routes(request));
    unmount = await render(<App override={prefillFromUrl(QUOTE_PAGE)} />);
    await until(() => expect(byLabel('Link').value).toBe('https://example.com/story'));
    await click(button('Save draft'));
    await until(() => expect(byTestId('save-status')?.textContent).toMatch(/kept and will be saved to Ada’s workspace/));
    expect(await offlineQueueItem.getValue()).toHaveLength(1);
  });

  it('shows a refused link next to the Link field', async () => {
    unmount = await render(<App override={prefillFromUrl('?url=https%3A%2F%2Fexample.com%2F')} />);
    await until(() => expect(byLabel('Link').value).toBe('https://example.com/'));
    await type(byLabel('Link'), 'example dot com');
    await click(button('Save draft'));
    await until(() => expect(byLabel('Link').getAttribute('aria-invalid')).toBe('true'));
  });

  it('reads the tab given as ?tabId=', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/from-tab' });
    unmount = await render(<App override={prefillFromUrl(`?tabId=${tab.id}`)} />);
    // The fake page cannot be read, so the tab's own title and address are used.
    await until(() => expect(byLabel('Link').value).toBe('https://example.com/from-tab'));
    expect(apis.scripting.executeScript).toHaveBeenCalled();
  });

  it('fills the title and link from a page read only after the person started typing, and keeps the typed text', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/slow' });
    let readTheTab: () => void = () => undefined;
    const read = new Promise<void>((resolve) => (readTheTab = resolve));
    (apis.scripting.executeScript as unknown as { mockImplementation: (fake: () => Promise<unknown[]>) => void }).mockImplementation(async () => {
      await read;
      return [{ result: { url: 'https://example.com/slow', title: 'A slow page', canonicalUrl: null, ogTitle: null, ogDescription: null, ogImage: null, siteName: null, author: null, selectionText: '', linkText: null, imageAlt: null } }];
    });
    unmount = await render(<App override={prefillFromUrl(`?tabId=${tab.id}`)} />);
    await until(() => expect(byTestId('composer')).not.toBeNull());
    await type(byLabel<HTMLTextAreaElement>('Text'), 'Typed before the page was read');
    readTheTab();
    await until(() => expect(byLabel('Title').value).toBe('A slow page'));
    expect(byLabel('Link').value).toBe('https://example.com/slow');
    expect(byLabel<HTMLTextAreaElement>('Text').value).toBe('Typed before the page was read');
  });

  it('offers to open the options page when nobody is signed in', async () => {
    await sessionItem.removeValue();
    unmount = await render(<App override={null} />);
    await until(() => expect(byTestId('signed-out')).not.toBeNull());
    const originalClose = window.close;
    window.close = () => undefined;
    await click(button('Open Minopa settings'));
    await until(() => expect(apis.openOptionsPage).toHaveBeenCalled());
    window.close = originalClose;
  });
});

describe('prefillFromUrl', () => {
  it('reads ?url=… or ?tabId=…, and nothing otherwise', () => {
    expect(prefillFromUrl('?tabId=12')).toEqual({ kind: 'tab', tabId: 12 });
    expect(prefillFromUrl('?tabId=abc')).toBeNull();
    expect(prefillFromUrl('')).toBeNull();
    expect(prefillFromUrl('?url=https%3A%2F%2Fa.example%2F&title=T')).toEqual({
      kind: 'context',
      context: { tabId: null, url: 'https://a.example/', title: 'T', selectionText: '' },
    });
  });
});
