import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MediaFetch } from '#shared/api/media.js';
import type { installMissingApis } from '../../testing/fake-apis.js';
import { resetExtension } from '../../testing/reset-extension.js';
import { errorBody, startFakeService, type FakeService } from '../../testing/fake-service.js';
import { captureResult, POST_ID, signedIn, WORKSPACE_ID } from '../../testing/fixtures.js';
import { handleMenuClick } from './on-menu-click.js';
import { readImageInPage } from './read-image.js';
import { CHUNK_BYTES, openVideoInPage, PAGE_VIDEO_MAX_BYTES, readVideoChunkInPage, releaseVideoInPage } from './read-video.js';
import { supplyMediaIfNeeded } from './supply-media.js';

const PAGE = 'https://intranet.example/wiki';
const SRC = 'https://intranet.example/files/chart%20q3.png';
const fetchOriginal = globalThis.fetch;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const tab = { id: 5, url: PAGE, title: 'Wiki' } as Browser.tabs.Tab;
const imageClick = { menuItemId: 'minopa-save-image', editable: false, pageUrl: PAGE, frameId: 3, srcUrl: SRC } as Browser.contextMenus.OnClickData;

let service: FakeService;
let apis: ReturnType<typeof installMissingApis>;
let fetchStates: MediaFetch['state'][];

const fetchState = (state: MediaFetch['state']): MediaFetch => ({ state, reason: state === 'needs_browser' ? 'origin_refused' : null, message: null });
const post = (state: MediaFetch['state']) => ({ ...captureResult().post, mediaFetch: fetchState(state) });
const uploads = () => service.requests.filter((request) => request.path.endsWith('/capture-media'));

beforeAll(async () => {
  service = await startFakeService();
});
afterAll(() => service.close());
beforeEach(async () => {
  apis = resetExtension(service);
  apis.scripting.executeScript.mockImplementation(async () => [{ result: { ok: true, type: 'image/png', base64: PNG.toString('base64') } }]);
  fetchStates = [];
  service.answer = (request) => {
    if (request.path.endsWith('/captures')) return { status: 201, json: { duplicate: false, post: post('needs_browser') } };
    if (request.path.endsWith('/capture-media')) return { status: 201, json: post('done') };
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
    expect(sent!.path).toBe(`/api/v1/workspaces/${WORKSPACE_ID}/posts/${POST_ID}/capture-media`);
    expect(sent!.headers['content-type']).toBe('image/png');
    expect(sent!.headers['x-filename']).toBe(encodeURIComponent('chart q3.png'));
    expect(sent!.headers.authorization).toBe('Bearer test-token');
    expect(sent!.body).toEqual(PNG);
  });

  it('waits for the service’s verdict while it is fetching, and sends nothing when the service managed', async () => {
    const base = { kind: 'image' as const, workspaceId: WORKSPACE_ID, postId: POST_ID, tabId: 5, frameId: 0, srcUrl: SRC };
    fetchStates = ['pending', 'done'];
    expect(await supplyMediaIfNeeded({ ...base, mediaFetch: fetchState('pending') }, { totalMs: 2_000, pollMs: 5 })).toBe('not_needed');
    expect(uploads()).toHaveLength(0);
    fetchStates = ['pending', 'needs_browser'];
    expect(await supplyMediaIfNeeded({ ...base, mediaFetch: fetchState('pending') }, { totalMs: 2_000, pollMs: 5 })).toBe('supplied');
    expect(uploads()).toHaveLength(1);
    expect(await supplyMediaIfNeeded({ ...base, mediaFetch: null })).toBe('not_needed');
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

type PageFunction = (...args: never[]) => unknown;

describe('a video the service cannot fetch', () => {
  const VIDEO_SRC = 'https://intranet.example/films/harbour%20tour.mp4';
  const videoClick = { ...imageClick, menuItemId: 'minopa-save-video', mediaType: 'video', srcUrl: VIDEO_SRC } as Browser.contextMenus.OnClickData;
  /** Over two pieces: it crosses from the page in three messages. */
  const VIDEO = Buffer.alloc(2 * CHUNK_BYTES + 1000, 7);
  VIDEO.write('ftypisom', 4, 'latin1');
  const stash = () => (globalThis as unknown as { __minopaVideos?: Record<string, Blob> }).__minopaVideos ?? {};
  const pageFunctions: PageFunction[] = [openVideoInPage, readVideoChunkInPage, releaseVideoInPage];
  let pageAnswer: () => Response;
  type Injection = { target: unknown; func: PageFunction; args: unknown[] };
  const calls = (func: PageFunction) => (apis.scripting.executeScript.mock.calls as unknown as [Injection][]).filter(([injection]) => injection.func === func);

  beforeEach(() => {
    // The page's functions run here for real (this test's globals stand in for the frame's isolated world).
    apis.scripting.executeScript.mockImplementation((async (injection: { func: (...args: unknown[]) => unknown; args?: unknown[] }) => [
      { result: pageFunctions.includes(injection.func) ? await injection.func(...(injection.args ?? [])) : null },
    ]) as never);
    pageAnswer = () => new Response(VIDEO, { headers: { 'Content-Type': 'video/mp4' } });
    // The page's fetch of the video; the extension's calls to the (fake) service go through.
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => (url === VIDEO_SRC ? pageAnswer() : fetchOriginal(url, init))));
  });

  it('is downloaded once in the clicked frame, comes over in pieces and goes to the draft through the one supply endpoint', async () => {
    await handleMenuClick(videoClick, tab);
    expect(calls(openVideoInPage)).toHaveLength(1);
    expect(calls(openVideoInPage)[0]![0]).toMatchObject({ target: { tabId: 5, frameIds: [3] }, args: [VIDEO_SRC, PAGE_VIDEO_MAX_BYTES, expect.any(String)] });
    expect(calls(readVideoChunkInPage)).toHaveLength(3);
    expect(uploads()).toHaveLength(1);
    const [sent] = uploads();
    expect(sent!.path).toBe(`/api/v1/workspaces/${WORKSPACE_ID}/posts/${POST_ID}/capture-media`);
    expect(sent!.headers['content-type']).toBe('video/mp4');
    expect(sent!.headers['x-filename']).toBe(encodeURIComponent('harbour tour.mp4'));
    expect(Buffer.compare(sent!.body as Buffer, VIDEO)).toBe(0);
    // Nothing is left behind in the page.
    expect(Object.keys(stash())).toEqual([]);
    const notices = Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((notice) => notice.title);
    expect(notices).toEqual(['Saved to Minopa']);
  });

  it('is not read from the page over the documented size, and the notification says why (in German too)', async () => {
    pageAnswer = () => new Response(new ReadableStream(), { headers: { 'Content-Type': 'video/mp4', 'Content-Length': String(PAGE_VIDEO_MAX_BYTES + 1) } });
    await handleMenuClick(videoClick, tab);
    expect(uploads()).toHaveLength(0);
    expect(calls(readVideoChunkInPage)).toHaveLength(0);
    const notice = Object.values(fakeBrowser.notifications.getAllCreateOptions()).at(-1);
    expect(notice).toMatchObject({
      title: 'Video not added',
      message: 'The draft was saved, but its video is larger than 100 MB, the most Minopa reads from a page. Download the video and add it to the draft from the media library.',
    });
    await fakeBrowser.storage.local.set({ locale: 'de' });
    await handleMenuClick(videoClick, tab);
    expect(Object.values(fakeBrowser.notifications.getAllCreateOptions()).at(-1)).toMatchObject({ title: 'Video nicht hinzugefügt', message: expect.stringContaining('größer als 100 MB') });
  });

  it('says so when the page will not hand the video over; the draft stays saved', async () => {
    pageAnswer = () => new Response('no', { status: 401 });
    await handleMenuClick(videoClick, tab);
    expect(uploads()).toHaveLength(0);
    const notices = Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((notice) => notice.title);
    expect(notices).toEqual(['Saved to Minopa', 'Video not added']);
  });

  it('is not sent, and is freed in the page, when the service fetched it itself', async () => {
    fetchStates = ['pending', 'done'];
    const capture = { kind: 'video' as const, workspaceId: WORKSPACE_ID, postId: POST_ID, tabId: 5, frameId: 0, srcUrl: VIDEO_SRC, mediaFetch: fetchState('pending') };
    expect(await supplyMediaIfNeeded(capture, { totalMs: 2_000, pollMs: 5 })).toBe('not_needed');
    await vi.waitFor(() => expect(Object.keys(stash())).toEqual([]));
    expect(uploads()).toHaveLength(0);
    expect(calls(readVideoChunkInPage)).toHaveLength(0);
  });
});
