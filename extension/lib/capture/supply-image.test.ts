import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MediaFetch } from '#shared/api/media.js';
import { installMissingApis } from '../../testing/fake-apis.js';
import { errorBody, startFakeService, type FakeService } from '../../testing/fake-service.js';
import { captureResult, POST_ID, signedIn, WORKSPACE_ID } from '../../testing/fixtures.js';
import { handleMenuClick } from './on-menu-click.js';
import { readImageInPage } from './read-image.js';
import { supplyImageIfNeeded } from './supply-image.js';

const PAGE = 'https://intranet.example/wiki';
const SRC = 'https://intranet.example/files/chart%20q3.png';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const tab = { id: 5, url: PAGE, title: 'Wiki' } as Browser.tabs.Tab;
const imageClick = { menuItemId: 'minopa-save-image', editable: false, pageUrl: PAGE, frameId: 3, srcUrl: SRC } as Browser.contextMenus.OnClickData;

let service: FakeService;
let apis: ReturnType<typeof installMissingApis>;
let fetchStates: MediaFetch['state'][];

const fetchState = (state: MediaFetch['state']): MediaFetch => ({ state, reason: state === 'needs_browser' ? 'origin_refused' : null, message: null });
const post = (state: MediaFetch['state']) => ({ ...captureResult().post, mediaFetch: fetchState(state) });
const uploads = () => service.requests.filter((request) => request.path.endsWith('/capture-image'));

beforeAll(async () => {
  service = await startFakeService();
});
afterAll(() => service.close());
beforeEach(async () => {
  fakeBrowser.reset();
  apis = installMissingApis();
  apis.scripting.executeScript.mockImplementation(async () => [{ result: { ok: true, type: 'image/png', base64: PNG.toString('base64') } }]);
  service.requests.length = 0;
  fetchStates = [];
  service.answer = (request) => {
    if (request.path.endsWith('/captures')) return { status: 201, json: { duplicate: false, post: post('needs_browser') } };
    if (request.path.endsWith('/capture-image')) return { status: 201, json: post('done') };
    if (request.method === 'GET') return { status: 200, json: post(fetchStates.shift() ?? 'pending') };
    return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
  };
  await signedIn(service.url);
});
afterEach(() => vi.unstubAllGlobals());

describe('an image the service cannot fetch', () => {
  it('is read in the clicked frame under the click’s grant and sent to the draft when the service says it needs the browser', async () => {
    await handleMenuClick(imageClick, tab);
    expect(apis.scripting.executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 5, frameIds: [3] }, func: readImageInPage }));
    expect(uploads()).toHaveLength(1);
    const [sent] = uploads();
    expect(sent!.path).toBe(`/api/v1/workspaces/${WORKSPACE_ID}/posts/${POST_ID}/capture-image`);
    expect(sent!.headers['content-type']).toBe('image/png');
    expect(sent!.headers['x-filename']).toBe(encodeURIComponent('chart q3.png'));
    expect(sent!.headers.authorization).toBe('Bearer test-token');
    expect(sent!.body).toEqual(PNG);
  });

  it('waits for the service’s verdict while it is fetching, and sends nothing when the service managed', async () => {
    const base = { workspaceId: WORKSPACE_ID, postId: POST_ID, tabId: 5, frameId: 0, srcUrl: SRC };
    fetchStates = ['pending', 'done'];
    expect(await supplyImageIfNeeded({ ...base, mediaFetch: fetchState('pending') }, { totalMs: 2_000, pollMs: 5 })).toBe('not_needed');
    expect(uploads()).toHaveLength(0);
    fetchStates = ['pending', 'needs_browser'];
    expect(await supplyImageIfNeeded({ ...base, mediaFetch: fetchState('pending') }, { totalMs: 2_000, pollMs: 5 })).toBe('supplied');
    expect(uploads()).toHaveLength(1);
    expect(await supplyImageIfNeeded({ ...base, mediaFetch: null })).toBe('not_needed');
  });

  it('says so when the page will not hand the image over; the draft stays saved', async () => {
    apis.scripting.executeScript.mockImplementation(async () => [{ result: { ok: false, reason: 'HTTP 401' } }]);
    await handleMenuClick(imageClick, tab);
    expect(uploads()).toHaveLength(0);
    const notices = Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((notice) => notice.title);
    expect(notices).toEqual(['Saved to Minopa', 'Image not added']);
  });
});

describe('readImageInPage (runs in the page)', () => {
  it('fetches with the page’s cookies and returns the bytes and type', async () => {
    const fetchMock = vi.fn(async () => new Response(PNG, { headers: { 'Content-Type': 'image/png' } }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await readImageInPage(SRC, 1000)).toEqual({ ok: true, type: 'image/png', base64: PNG.toString('base64') });
    expect(fetchMock).toHaveBeenCalledWith(SRC, { credentials: 'include', cache: 'force-cache' });
  });

  it('reports a refusal or an image that is too large instead of sending it', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('no', { status: 403 })));
    expect(await readImageInPage(SRC, 1000)).toEqual({ ok: false, reason: 'HTTP 403' });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(PNG)));
    expect(await readImageInPage(SRC, 4)).toEqual({ ok: false, reason: 'too_large' });
  });
});
