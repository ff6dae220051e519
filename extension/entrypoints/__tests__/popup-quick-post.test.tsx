import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerMessageHandlers } from '../../lib/messaging/handlers.js';
import { popupChannelCacheItem, popupChoicesItem, popupComposerTextItem, sessionItem } from '../../lib/storage.js';
import { byLabel, byTestId, button, click, render, type, until } from '../../testing/dom.js';
import type { installMissingApis } from '../../testing/fake-apis.js';
import { errorBody, startFakeService, type FakeAnswer, type FakeService, type ReceivedRequest } from '../../testing/fake-service.js';
import { captureResult, me, OTHER_WORKSPACE_ID, POST_ID, signedIn, WORKSPACE_ID } from '../../testing/fixtures.js';
import { App } from '../popup/App.js';
import { prefillFromUrl } from '../popup/prefill.js';
import { resetExtension } from '../../testing/reset-extension.js';

const X_ID = '55555555-5555-4555-8555-555555555555';
const IG_ID = '66666666-6666-4666-8666-666666666666';
const MEDIA_ID = '77777777-7777-4777-8777-777777777777';
const NOW = '2025-01-01T00:00:00.000Z';

function account(id: string, platform: 'x' | 'instagram', username: string) {
  return { id, workspaceId: WORKSPACE_ID, platform, kind: 'profile', remoteId: username, name: username, username, avatarUrl: null, status: 'active', statusReason: null, sandbox: true, connectedAt: NOW };
}
function target(accountId: string, platform: string, dueAt: string | null) {
  return {
    id: crypto.randomUUID(), postId: POST_ID, platform, account: { id: accountId, name: 'ada', username: 'ada', avatarUrl: null, status: 'active' },
    status: 'scheduled', overrides: {}, dueAt, publishedAt: null, remoteUrl: null, failure: null, attempts: 0, updatedAt: NOW,
  };
}
const media = {
  id: MEDIA_ID, workspaceId: WORKSPACE_ID, kind: 'image', mimeType: 'image/png', sizeBytes: 68, originalFilename: 'photo.png', width: 1, height: 1,
  durationSeconds: null, url: 'http://media.example/photo.png', thumbnailUrl: null, urlExpiresAt: NOW, sourceUrl: null, uploadedBy: null, createdAt: NOW,
};

const uploadSession = { uploadId: '88888888-8888-4888-8888-888888888888', filename: 'photo.png', sizeBytes: 8, chunkBytes: 4 * 1024 * 1024, receivedBytes: 0, expiresAt: NOW };

function routes(request: ReceivedRequest): FakeAnswer {
  const route = `${request.method} ${request.path.split('?')[0]!.replace(/[0-9a-f-]{36}/g, ':id')}`;
  switch (route) {
    case 'GET /api/v1/me':
      return { status: 200, json: me };
    case 'GET /api/v1/workspaces':
      return { status: 200, json: { items: [{ id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner', createdAt: NOW }, { id: OTHER_WORKSPACE_ID, name: 'Team', role: 'editor', createdAt: NOW }] } };
    case 'GET /api/v1/workspaces/:id/accounts':
      return { status: 200, json: { items: request.path.includes(WORKSPACE_ID) ? [account(X_ID, 'x', 'ada_x'), account(IG_ID, 'instagram', 'ada_ig')] : [] } };
    case 'GET /api/v1/workspaces/:id/schedule':
      return { status: 200, json: { timeZone: 'Europe/Berlin', postingSlots: [{ weekday: 2, time: '09:30' }] } };
    case 'GET /api/v1/workspaces/:id/schedule/next-slot':
      return { status: 200, json: { slot: { at: '2030-01-08T08:30:00.000Z', localTime: '2030-01-08T09:30', timeZone: 'Europe/Berlin' } } };
    case 'POST /api/v1/workspaces/:id/captures':
      return { status: 201, json: captureResult() };
    case 'PATCH /api/v1/workspaces/:id/posts/:id':
      return { status: 200, json: captureResult().post };
    case 'PUT /api/v1/workspaces/:id/posts/:id/targets':
      return { status: 200, json: { postId: POST_ID, postStatus: 'draft', items: [target(X_ID, 'x', null)] } };
    case 'POST /api/v1/workspaces/:id/posts/:id/schedule':
      return { status: 200, json: { postId: POST_ID, postStatus: 'scheduled', items: [target(X_ID, 'x', '2030-01-08T08:30:00.000Z')] } };
    case 'POST /api/v1/workspaces/:id/media':
      return { status: 201, json: media };
    case 'POST /api/v1/workspaces/:id/media/uploads':
      return { status: 201, json: { ...uploadSession, sizeBytes: (request.body as { sizeBytes: number }).sizeBytes } };
    case 'PUT /api/v1/workspaces/:id/media/uploads/:id':
      return { status: 201, json: { ...uploadSession, receivedBytes: media.sizeBytes, media } };
    default:
      return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
  }
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
afterEach(async () => {
  await unmount?.();
  unmount = undefined;
});

const PAGE = '?url=https%3A%2F%2Fexample.com%2Fstory&title=The%20story';
const sent = (method: string, suffix: string) => service.requests.filter((request) => request.method === method && request.path.endsWith(suffix));

async function openPopup(search = PAGE, ready: () => void = () => expect(byLabel('Title').value).not.toBe('')) {
  unmount = await render(<App override={prefillFromUrl(search)} />);
  await until(ready);
}
async function choose(testId: string) {
  await until(() => expect(byTestId(testId)).not.toBeNull());
  await click(byTestId(testId)!);
}

describe('quick post: channels', () => {
  it('shows cached channels at once while the service has not answered yet', async () => {
    await popupChannelCacheItem.setValue({
      [WORKSPACE_ID]: { channels: [{ id: X_ID, platform: 'x', name: 'cached', username: 'cached_x', avatarUrl: null, status: 'active', sandbox: false }], timeZone: 'Europe/Berlin', fetchedAt: NOW },
    });
    service.answer = (request) => (request.path.endsWith('/accounts') ? 'hang' : routes(request));
    await openPopup();
    await until(() => expect(byTestId('channels')?.textContent).toContain('@cached_x'));
    expect(byLabel<HTMLTextAreaElement>('Text').disabled).toBe(false);
  });

  it('counts as each network counts and blocks a post X would refuse', async () => {
    await openPopup();
    await choose('channel-x');
    // 23 for the link, 2 for the emoji, 6 for "Hello ".
    await type(byLabel<HTMLTextAreaElement>('Text'), 'Hello 🎉 https://example.com/a/very/long/path/that/x/counts/as/23');
    await until(() => expect(byTestId('counter-x')?.getAttribute('aria-label')).toBe('32 of 280 characters'));
    expect(byTestId('preview-x')?.textContent).toContain('Hello 🎉');

    await type(byLabel<HTMLTextAreaElement>('Text'), 'a'.repeat(290));
    await until(() => expect(byTestId('problems-x')?.textContent).toContain('X allows 280 characters'));
    // A draft may be anything; publishing it is what X's rules stop.
    expect(byTestId('submit')).toHaveProperty('disabled', false);
    await click(byTestId('action-now')!);
    expect(byTestId('blockers')?.textContent).toContain('Fix the problems');
    expect(byTestId('submit')).toHaveProperty('disabled', true);
    // Instagram needs media: it says so the moment it is chosen.
    await choose('channel-instagram');
    await until(() => expect(byTestId('problems-instagram')?.textContent).toContain('Instagram needs at least one image or video'));
  });

  it('remembers the channels chosen per workspace', async () => {
    await popupChoicesItem.setValue({ channelsByWorkspace: { [WORKSPACE_ID]: [IG_ID] }, lastAction: 'queue' });
    await openPopup();
    await until(() => expect(byTestId<HTMLInputElement>('channel-instagram')?.checked).toBe(true));
    expect(byTestId<HTMLInputElement>('channel-x')?.checked).toBe(false);
    expect(byTestId<HTMLInputElement>('action-queue')?.checked).toBe(true);
    await click(byTestId('channel-x')!);
    await until(async () => expect((await popupChoicesItem.getValue()).channelsByWorkspace[WORKSPACE_ID]).toEqual([IG_ID, X_ID]));
  });

  it('keeps what the person chose and typed before the remembered choices were read', async () => {
    await popupChoicesItem.setValue({ channelsByWorkspace: { [WORKSPACE_ID]: [IG_ID] }, lastAction: 'queue' });
    await popupComposerTextItem.setValue({ [WORKSPACE_ID]: { userId: me.id, pageUrl: '', title: '', body: 'Remembered text', overrides: {}, savedAt: NOW } });
    // The background is slow to read what this browser remembers (a worker waking up on a busy machine).
    let readChoices: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (readChoices = resolve));
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    const slowReads: Promise<unknown>[] = [];
    const spy = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((keys) => {
      if (!JSON.stringify(keys ?? null).includes('popupChoices')) return get(keys as string[]);
      const read = slow.then(() => get(keys as string[]));
      slowReads.push(read);
      return read;
    });
    await openPopup();
    await choose('channel-x');
    await click(byTestId('action-now')!);
    await type(byLabel<HTMLTextAreaElement>('Text'), 'Typed at once');
    expect(slowReads.length).toBeGreaterThan(0);
    readChoices();
    await Promise.all(slowReads);
    spy.mockRestore();
    // The answer's way back (message, React state, effect) takes a few turns of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(byTestId<HTMLInputElement>('channel-x')?.checked).toBe(true);
    expect(byTestId<HTMLInputElement>('channel-instagram')?.checked).toBe(false);
    expect(byTestId<HTMLInputElement>('action-now')?.checked).toBe(true);
    expect(byLabel<HTMLTextAreaElement>('Text').value).toBe('Typed at once');
  });
});

describe('quick post: actions', () => {
  it('adds to the queue showing the slot, with a per-channel text, and links to the post', async () => {
    await openPopup();
    await choose('channel-x');
    await click(byTestId('action-queue')!);
    await until(() => expect(byTestId('queue-slot')?.textContent).toContain('Tue, Jan 8, 09:30 (Europe/Berlin'));
    await click(button('Edit text for X'));
    await type(byLabel<HTMLTextAreaElement>('Text for X · @ada_x'), 'Short for X');
    await click(button('Add to queue'));

    await until(() => expect(byTestId('publish-status')?.textContent).toMatch(/^Scheduled to 1 channel for Tue, Jan 8, 09:30/));
    expect(sent('PUT', '/targets')[0]?.body).toEqual({ targets: [{ accountId: X_ID, text: 'Short for X' }] });
    expect(sent('POST', '/schedule')[0]?.body).toEqual({ when: 'queue' });
    expect(byTestId<HTMLAnchorElement>('open-post')?.href).toMatch(new RegExp(`/dashboard\\.html#post=${POST_ID}$`));
    expect(await popupChoicesItem.getValue()).toEqual({ channelsByWorkspace: { [WORKSPACE_ID]: [X_ID] }, lastAction: 'queue' });
  });

  it('schedules at a time read in the workspace’s time zone', async () => {
    await openPopup();
    await choose('channel-x');
    await click(byTestId('action-at')!);
    await until(() => expect(byTestId('time-zone')?.textContent).toContain('Europe/Berlin'));
    await type(byTestId<HTMLInputElement>('local-time')!, '2031-03-30T02:30');
    await click(button('Schedule at…'));
    await until(() => expect(byTestId('publish-status')).not.toBeNull());
    expect(sent('POST', '/schedule')[0]?.body).toEqual({ when: 'at', localTime: '2031-03-30T02:30' });
  });

  it('refuses a time in the past before sending anything', async () => {
    await openPopup();
    await choose('channel-x');
    await click(byTestId('action-at')!);
    await until(() => expect(byTestId('time-zone')).not.toBeNull());
    await type(byTestId<HTMLInputElement>('local-time')!, '2001-01-01T10:00');
    await until(() => expect(byTestId('blockers')?.textContent).toContain('Choose a time in the future.'));
    expect(byTestId('submit')).toHaveProperty('disabled', true);
  });

  it('shows the service’s refusal under its channel, and a retry updates the same draft', async () => {
    service.answer = (request) =>
      request.path.endsWith('/schedule') && request.method === 'POST'
        ? { status: 422, json: errorBody('content_invalid', 'X account “ada_x”: X refused the text.', [{ path: `targets.${X_ID}.text`, message: 'X refused the text.' }]) }
        : routes(request);
    await openPopup();
    await choose('channel-x');
    await click(byTestId('action-now')!);
    await click(button('Post now'));
    await until(() => expect(byTestId('problems-x')?.textContent).toContain('X refused the text.'));

    service.answer = routes;
    await type(byLabel<HTMLTextAreaElement>('Text'), 'Better words');
    await until(() => expect(byTestId('problems-x')).toBeNull());
    await click(button('Post now'));
    await until(() => expect(byTestId('publish-status')?.textContent).toBe('Publishing now to 1 channel.'));
    expect(sent('POST', '/captures')).toHaveLength(1);
    expect(sent('PATCH', `/posts/${POST_ID}`).at(-1)?.body).toMatchObject({ body: 'Better words', mediaIds: [] });
  });

  it('a plan limit shows the service’s sentence with a link to the plans', async () => {
    const upgradeUrl = 'https://minopa.example/billing/plans';
    service.answer = (request) =>
      request.path.endsWith('/schedule') && request.method === 'POST'
        ? { status: 402, json: { error: { ...errorBody('plan_limit_reached', 'This workspace scheduled its 50 posts of this month on the Free plan. Pro allows 500.').error, upgradeUrl } } }
        : routes(request);
    await openPopup();
    await choose('channel-x');
    await click(byTestId('action-now')!);
    await click(button('Post now'));
    await until(() => expect(byTestId('form-error')?.textContent).toContain('Pro allows 500.'));
    expect(byTestId('form-error-upgrade')!.getAttribute('href')).toBe(upgradeUrl);
  });

  it('offers "Post anyway" when the same text went out within a day', async () => {
    let refused = false;
    service.answer = (request) => {
      if (request.path.endsWith('/schedule') && request.method === 'POST' && !refused) {
        refused = true;
        return { status: 409, json: errorBody('duplicate_post', 'The same text went to X account “ada_x” 2 hours ago.') };
      }
      return routes(request);
    };
    await openPopup();
    await choose('channel-x');
    await click(byTestId('action-now')!);
    await click(button('Post now'));
    await until(() => expect(byTestId('post-anyway')).not.toBeNull());
    await click(byTestId('post-anyway')!);
    await until(() => expect(byTestId('publish-status')).not.toBeNull());
    expect(sent('POST', '/schedule').at(-1)?.body).toEqual({ when: 'now', allowDuplicate: true });
  });
});

describe('quick post: text and link', () => {
  it('removes tracking parameters from the link, with a toggle to keep them', async () => {
    await openPopup('?url=' + encodeURIComponent('https://example.com/story?id=7&utm_source=news&fbclid=abc') + '&title=The%20story');
    expect(byLabel('Link').value).toBe('https://example.com/story?id=7');
    expect(byLabel<HTMLTextAreaElement>('Text').value).toBe('The story\nhttps://example.com/story?id=7');
    expect(document.body.textContent).toContain('Removed from the link: utm_source, fbclid.');
    await click(byLabel('Keep tracking parameters'));
    await until(() => expect(byLabel<HTMLTextAreaElement>('Text').value).toBe('The story\nhttps://example.com/story?id=7&utm_source=news&fbclid=abc'));
    expect(byLabel('Link').value).toBe('https://example.com/story?id=7&utm_source=news&fbclid=abc');
  });

  it('keeps unsent text when the popup closes, and forgets it after a successful save', async () => {
    await openPopup();
    await type(byLabel<HTMLTextAreaElement>('Text'), 'Half a thought');
    await until(async () => expect((await popupComposerTextItem.getValue())[WORKSPACE_ID]?.body).toBe('Half a thought'));
    await unmount!();

    await openPopup();
    await until(() => expect(byLabel<HTMLTextAreaElement>('Text').value).toBe('Half a thought'));
    expect(byTestId('restored')).not.toBeNull();
    await click(button('Save draft'));
    await until(() => expect(byTestId('save-status')?.textContent).toBe('Saved to Ada’s workspace'));
    await until(async () => expect(await popupComposerTextItem.getValue()).toEqual({}));
  });

  it('keeps the text of another person’s session to that person', async () => {
    await popupComposerTextItem.setValue({ [WORKSPACE_ID]: { userId: 'someone-else', pageUrl: '', title: 'Theirs', body: 'Not yours', overrides: {}, savedAt: NOW } });
    await openPopup();
    expect(byLabel<HTMLTextAreaElement>('Text').value).toBe('The story\nhttps://example.com/story');
    expect(byTestId('restored')).toBeNull();
  });
});

describe('quick post: media', () => {
  it('uploads a file from disk with progress and attaches it to the draft', async () => {
    await openPopup();
    const input = byTestId<HTMLInputElement>('upload-file')!;
    const file = new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'photo.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => expect(byTestId('attached-media')?.textContent).toContain('photo.png'));
    expect(sent('POST', '/media/uploads')[0]?.body).toEqual({ filename: 'photo.png', sizeBytes: 8, mimeType: 'image/png' });
    const piece = service.requests.find((request) => request.method === 'PUT' && request.path.includes('/media/uploads/'))!;
    expect(piece.path).toMatch(/\?offset=0$/);
    expect([...(piece.body as Uint8Array)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);

    await click(button('Save draft'));
    await until(() => expect(byTestId('save-status')).not.toBeNull());
    expect(sent('PATCH', `/posts/${POST_ID}`)[0]?.body).toEqual({ mediaIds: [MEDIA_ID] });
  });

  it('refuses a file type no network takes before uploading anything', async () => {
    await openPopup();
    const input = byTestId<HTMLInputElement>('upload-file')!;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'notes.txt', { type: 'text/plain' })], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => expect(byTestId('media-error')?.textContent).toContain('“notes.txt” is not a file Minopa can publish'));
    expect(sent('POST', '/media/uploads')).toHaveLength(0);
  });

  it('captures the visible tab as a screenshot into the library', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/story' });
    const capture = vi.fn(async () => 'data:image/png;base64,iVBORw0KGgo=');
    (fakeBrowser.tabs as unknown as { captureVisibleTab: typeof capture }).captureVisibleTab = capture;
    await openPopup(`?tabId=${tab.id}`, () => expect(byLabel('Link').value).toBe('https://example.com/story'));
    await click(button('Screenshot'));
    await until(() => expect(byTestId('attached-media')).not.toBeNull());
    expect(capture).toHaveBeenCalled();
    expect(sent('POST', '/media')[0]?.headers['x-filename']).toMatch(/^screenshot-example\.com-.*\.png$/);
  });

  it('offers the page’s image, reads it in the page and attaches it', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/story' });
    (apis.scripting.executeScript as unknown as { mockImplementation: (fake: (injection: { args: unknown[] }) => Promise<unknown[]>) => void }).mockImplementation(async ({ args }) => {
      // readPage asks for the page's details; readImage for the image's bytes.
      if (typeof args[0] === 'string') return [{ result: { ok: true, type: 'image/png', base64: 'iVBORw0KGgo=' } }];
      return [{ result: { url: 'https://example.com/story', title: 'The story', canonicalUrl: null, ogTitle: null, ogDescription: null, ogImage: 'https://example.com/cover.png', siteName: null, author: null, selectionText: '', linkText: null, imageAlt: null } }];
    });
    await openPopup(`?tabId=${tab.id}`);
    await until(() => expect(byTestId('page-image')).not.toBeNull());
    await click(button('Attach page image'));
    await until(() => expect(byTestId('attached-media')).not.toBeNull());
    expect(byTestId('page-image')).toBeNull();
    expect(sent('POST', '/media')[0]?.headers['x-filename']).toBe('cover.png');
  });
});

describe('quick post: session', () => {
  it('gives the text back after the session ended and the person signed in again', async () => {
    await openPopup();
    await type(byLabel<HTMLTextAreaElement>('Text'), 'Before the session ended');
    await until(async () => expect((await popupComposerTextItem.getValue())[WORKSPACE_ID]?.body).toBe('Before the session ended'));
    await sessionItem.removeValue();
    await until(() => expect(byTestId('signed-out')).not.toBeNull());
    await signedIn(service.url);
    await until(() => expect(byLabel<HTMLTextAreaElement>('Text').value).toBe('Before the session ended'));
  });
});

describe('quick post: keyboard', () => {
  it('sends with Ctrl+Enter from the text box', async () => {
    await openPopup();
    byLabel<HTMLTextAreaElement>('Text').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await until(() => expect(byTestId('save-status')?.textContent).toBe('Saved to Ada’s workspace'));
  });
});
