import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OPTION_SCHEMAS } from '#shared/publishing/options.js';
import { PLATFORM_IDS } from '#shared/platforms.js';
import { OPTION_INPUTS } from '../../lib/composer-options.js';
import { registerMessageHandlers } from '../../lib/messaging/handlers.js';
import { popupChannelOptionsItem, popupChoicesItem } from '../../lib/storage.js';
import { byLabel, byTestId, button, click, render, type, until } from '../../testing/dom.js';
import { errorBody, startFakeService, type FakeAnswer, type FakeService, type ReceivedRequest } from '../../testing/fake-service.js';
import { captureResult, me, POST_ID, signedIn, WORKSPACE_ID } from '../../testing/fixtures.js';
import { App } from '../popup/App.js';
import { choiceLabel, optionLabel } from '../popup/option-messages.js';
import { prefillFromUrl } from '../popup/prefill.js';
import { resetExtension } from '../../testing/reset-extension.js';

const NOW = '2025-01-01T00:00:00.000Z';
const IDS = {
  pinterest: '81111111-1111-4111-8111-111111111111',
  tiktok: '82222222-2222-4222-8222-222222222222',
  youtube: '83333333-3333-4333-8333-333333333333',
  instagram: '84444444-4444-4444-8444-444444444444',
  linkedin: '85555555-5555-4555-8555-555555555555',
  x: '86666666-6666-4666-8666-666666666666',
} as const;
type Network = keyof typeof IDS;
const BOARDS = [
  { id: 'board-inspiration', name: 'Inspiration', privacy: 'PUBLIC' },
  { id: 'board-studio', name: 'Studio notes', privacy: 'SECRET' },
];

function account(platform: Network) {
  return { id: IDS[platform], workspaceId: WORKSPACE_ID, platform, kind: 'profile', remoteId: platform, name: `ada on ${platform}`, username: `ada_${platform}`, avatarUrl: null, status: 'active', statusReason: null, sandbox: true, connectedAt: NOW };
}
function targets(status: string) {
  return {
    postId: POST_ID, postStatus: status,
    items: [{
      id: crypto.randomUUID(), postId: POST_ID, platform: 'x', account: { id: IDS.x, name: 'ada', username: 'ada', avatarUrl: null, status: 'active' },
      status, overrides: {}, dueAt: status === 'draft' ? null : NOW, publishedAt: null, remoteUrl: null, failure: null, attempts: 0, updatedAt: NOW,
    }],
  };
}
/** The library's answer for an upload, typed from the file's name as the service would type it from its bytes. */
function mediaFor(filename: string) {
  const video = filename.endsWith('.mp4');
  const jpeg = filename.endsWith('.jpg');
  return {
    id: crypto.randomUUID(), workspaceId: WORKSPACE_ID, kind: video ? 'video' : 'image', mimeType: video ? 'video/mp4' : jpeg ? 'image/jpeg' : 'image/png',
    sizeBytes: 2048, originalFilename: filename, width: 1080, height: 1080, durationSeconds: video ? 30 : null,
    url: `http://media.example/${filename}`, thumbnailUrl: null, urlExpiresAt: NOW, sourceUrl: null, uploadedBy: null, createdAt: NOW,
  };
}

/** Upload sessions the fake service opened: id → the file's name and size (each file fits one piece here). */
const uploads = new Map<string, { filename: string; sizeBytes: number }>();
function uploadSession(uploadId: string) {
  const { filename, sizeBytes } = uploads.get(uploadId)!;
  return { uploadId, filename, sizeBytes, chunkBytes: 4 * 1024 * 1024, receivedBytes: 0, expiresAt: NOW };
}

let boardsAnswer: () => FakeAnswer = () => ({ status: 200, json: { items: BOARDS } });
function routes(request: ReceivedRequest): FakeAnswer {
  const path = request.path.split('?')[0]!;
  const route = `${request.method} ${path.replace(/[0-9a-f-]{36}/g, ':id')}`;
  switch (route) {
    case 'GET /api/v1/me':
      return { status: 200, json: me };
    case 'GET /api/v1/workspaces':
      return { status: 200, json: { items: [{ id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner', createdAt: NOW }] } };
    case 'GET /api/v1/workspaces/:id/accounts':
      return { status: 200, json: { items: (Object.keys(IDS) as Network[]).map(account) } };
    case 'GET /api/v1/workspaces/:id/accounts/:id/pinterest-boards':
      return boardsAnswer();
    case 'GET /api/v1/workspaces/:id/schedule':
      return { status: 200, json: { timeZone: 'Europe/Berlin', postingSlots: [] } };
    case 'POST /api/v1/workspaces/:id/captures':
      return { status: 201, json: captureResult() };
    case 'PATCH /api/v1/workspaces/:id/posts/:id':
      return { status: 200, json: captureResult().post };
    case 'PUT /api/v1/workspaces/:id/posts/:id/targets':
      return { status: 200, json: targets('draft') };
    case 'POST /api/v1/workspaces/:id/posts/:id/schedule':
      return { status: 200, json: targets('scheduled') };
    case 'POST /api/v1/workspaces/:id/media':
      return { status: 201, json: mediaFor(String(request.headers['x-filename'])) };
    case 'POST /api/v1/workspaces/:id/media/uploads': {
      const uploadId = crypto.randomUUID();
      uploads.set(uploadId, request.body as { filename: string; sizeBytes: number });
      return { status: 201, json: uploadSession(uploadId) };
    }
    case 'PUT /api/v1/workspaces/:id/media/uploads/:id': {
      const session = uploadSession(path.split('/').pop()!);
      return { status: 201, json: { ...session, receivedBytes: session.sizeBytes, media: mediaFor(session.filename) } };
    }
    default:
      return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
  }
}

let service: FakeService;
let unmount: (() => Promise<void>) | undefined;
beforeAll(async () => {
  service = await startFakeService(routes);
});
afterAll(() => service.close());
beforeEach(async () => {
  resetExtension(service);
  service.answer = routes;
  boardsAnswer = () => ({ status: 200, json: { items: BOARDS } });
  await signedIn(service.url);
  registerMessageHandlers();
});
afterEach(async () => {
  await unmount?.();
  unmount = undefined;
});

const sent = (method: string, suffix: string) => service.requests.filter((request) => request.method === method && request.path.endsWith(suffix));
/** Inside one channel's card. */
const inCard = <T extends HTMLElement>(network: Network, selector: string) => byTestId(`card-${network}`)?.querySelector<T>(selector) ?? null;

async function openPopup() {
  unmount = await render(<App override={prefillFromUrl('?url=https%3A%2F%2Fexample.com%2Fstory&title=The%20story')} />);
  await until(() => expect(byLabel('Title').value).toBe('The story'));
}
async function attach(filename: string) {
  const input = byTestId<HTMLInputElement>('upload-file')!;
  Object.defineProperty(input, 'files', { value: [new File([new Uint8Array(2048)], filename)], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await until(() => expect(byTestId('media')?.textContent).toContain(filename));
  // The tray takes the next file once this upload has finished.
  await until(() => expect(byTestId('upload-progress')).toBeNull());
  await until(() => expect(input.disabled).toBe(false));
}
async function choose(network: Network) {
  await until(() => expect(byTestId(`channel-${network}`)).not.toBeNull());
  await click(byTestId(`channel-${network}`)!);
  await until(() => expect(byTestId(`card-${network}`)).not.toBeNull());
  await click(byTestId('action-now')!);
}
async function select(element: HTMLSelectElement | HTMLInputElement, value: string) {
  element.value = value;
  element.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
}
/** Posts now and answers the target the service was sent. */
async function postNow(): Promise<Record<string, unknown>> {
  await until(() => expect(byTestId('submit')).toHaveProperty('disabled', false));
  await click(button('Post now'));
  await until(() => expect(byTestId('publish-status')).not.toBeNull());
  return (sent('PUT', '/targets')[0]?.body as { targets: Record<string, unknown>[] }).targets[0]!;
}

describe('channel options: every option of the shared schemas is offered', () => {
  it('has an input and words for each option and each choice', () => {
    for (const platform of PLATFORM_IDS) {
      const schemaKeys = Object.keys((OPTION_SCHEMAS[platform] as unknown as { shape: object }).shape).sort();
      expect(OPTION_INPUTS[platform].map((input) => input.key).sort(), platform).toEqual(schemaKeys);
      for (const input of OPTION_INPUTS[platform]) {
        expect(optionLabel(platform, input.key), `${platform}.${input.key}`).toBeTruthy();
        if (input.kind === 'select') for (const value of input.values) expect(choiceLabel(platform, input.key, value), `${platform}.${input.key}.${value}`).toBeTruthy();
      }
    }
  });
});

describe('channel options: Pinterest board', () => {
  it('lists the account’s boards, sends the chosen one and offers it again next time', async () => {
    await openPopup();
    await attach('pin.png');
    await choose('pinterest');
    const board = byLabel<HTMLSelectElement>('Board (required)');
    await until(() => expect([...board.options].map((option) => option.textContent)).toEqual(['Choose a board', 'Inspiration', 'Studio notes (secret)']));
    expect(board.getAttribute('aria-required')).toBe('true');
    await select(board, 'board-studio');
    await type(byLabel('Title on Pinterest'), 'A calm desk');
    const target = await postNow();
    expect(target).toEqual({ accountId: IDS.pinterest, title: 'A calm desk', options: { boardId: 'board-studio' } });
    expect(sent('GET', '/pinterest-boards')[0]?.path).toBe(`/api/v1/workspaces/${WORKSPACE_ID}/accounts/${IDS.pinterest}/pinterest-boards`);
    await until(async () => expect((await popupChannelOptionsItem.getValue())[WORKSPACE_ID]?.[IDS.pinterest]).toEqual({ boardId: 'board-studio' }));

    await unmount!();
    await openPopup();
    await until(() => expect(byTestId<HTMLInputElement>('channel-pinterest')?.checked).toBe(true));
    await until(() => expect(byLabel<HTMLSelectElement>('Board (required)').value).toBe('board-studio'));
    // The title belonged to that post only.
    expect(byLabel('Title on Pinterest').value).toBe('');
  });

  it('blocks sending without a board, naming the rule under the board', async () => {
    await openPopup();
    await attach('pin.png');
    await choose('pinterest');
    await until(() => expect(inCard('pinterest', '[data-testid="error-options.boardId"]')?.textContent).toBe('Pinterest option “boardId” is required: choose the board to pin to.'));
    expect(byLabel('Board (required)').getAttribute('aria-invalid')).toBe('true');
    expect(byTestId('blockers')?.textContent).toContain('Fix the problems shown for the channels first.');
    expect(byTestId('submit')).toHaveProperty('disabled', true);
    await click(byTestId('submit')!);
    expect(sent('POST', '/captures')).toHaveLength(0);
  });

  it('forgets a remembered board that no longer exists', async () => {
    await popupChannelOptionsItem.setValue({ [WORKSPACE_ID]: { [IDS.pinterest]: { boardId: 'board-deleted' } } });
    await popupChoicesItem.setValue({ channelsByWorkspace: { [WORKSPACE_ID]: [IDS.pinterest] }, lastAction: 'now' });
    await openPopup();
    await until(() => expect(byLabel<HTMLSelectElement>('Board (required)').options).toHaveLength(3));
    await until(() => expect(inCard('pinterest', '[data-testid="error-options.boardId"]')?.textContent).toContain('is required'));
    expect(byLabel<HTMLSelectElement>('Board (required)').value).toBe('');
  });

  it('says to reconnect when the service answers account_unavailable', async () => {
    boardsAnswer = () => ({ status: 409, json: errorBody('account_unavailable', 'This Pinterest account needs reconnecting before its boards can be read.') });
    await openPopup();
    await choose('pinterest');
    await until(() => expect(byTestId('boards-error')?.textContent).toContain('This Pinterest account needs reconnecting before Minopa can read its boards'));
    expect(button('Open Minopa settings')).toBeTruthy();
  });

  it('offers to try again when Pinterest did not answer', async () => {
    let calls = 0;
    boardsAnswer = () => (++calls === 1 ? { status: 502, json: errorBody('network_failed', 'Pinterest did not send the account’s boards. Please try again in a moment.') } : { status: 200, json: { items: BOARDS } });
    await openPopup();
    await choose('pinterest');
    await until(() => expect(byTestId('boards-error')?.textContent).toMatch(/./));
    await click(button('Try the boards again'));
    await until(() => expect(byLabel<HTMLSelectElement>('Board (required)').options).toHaveLength(3));
  });
});

describe('channel options: the other networks', () => {
  it('TikTok: asks who can watch (required) and sends the level', async () => {
    await openPopup();
    await attach('clip.mp4');
    await choose('tiktok');
    const level = byLabel<HTMLSelectElement>('Who can watch it (required)');
    await until(() => expect(inCard('tiktok', '[data-testid="error-options.privacyLevel"]')?.textContent).toContain('TikTok option “privacyLevel”'));
    expect(byTestId('submit')).toHaveProperty('disabled', true);
    await select(level, 'SELF_ONLY');
    await click(byLabel('Turn off Duet'));
    expect(await postNow()).toEqual({ accountId: IDS.tiktok, options: { privacyLevel: 'SELF_ONLY', disableDuet: true } });
  });

  it('YouTube: needs a title, and sends privacy and category', async () => {
    await openPopup();
    await type(byLabel('Title'), '');
    await attach('talk.mp4');
    await choose('youtube');
    await until(() => expect(inCard('youtube', '[data-testid="error-title"]')?.textContent).toBe('YouTube needs a title: give the post or this channel one.'));
    expect(byLabel<HTMLSelectElement>('Visibility').value).toBe('public');
    await type(byLabel('Title on YouTube (required)'), 'The talk');
    await select(byLabel<HTMLSelectElement>('Visibility'), 'unlisted');
    await select(byLabel<HTMLSelectElement>('Category'), '27');
    expect(await postNow()).toEqual({ accountId: IDS.youtube, title: 'The talk', options: { privacy: 'unlisted', categoryId: '27' } });
  });

  it('Instagram: a Story, checked against the format’s media rule', async () => {
    await openPopup();
    await attach('one.jpg');
    await attach('two.jpg');
    await choose('instagram');
    await select(byLabel<HTMLSelectElement>('Kind of post'), 'story');
    await until(() => expect(byTestId('problems-instagram')?.textContent).toContain('Instagram: a story has one medium: this post has 2.'));
    expect(byTestId('submit')).toHaveProperty('disabled', true);
    // One image is what a Story takes.
    await click(byTestId('media')!.querySelectorAll<HTMLButtonElement>('.media-remove')[1]!);
    expect(await postNow()).toEqual({ accountId: IDS.instagram, options: { format: 'story' } });
  });

  it('LinkedIn: visibility and a first comment', async () => {
    await openPopup();
    await choose('linkedin');
    await select(byLabel<HTMLSelectElement>('Who can see it'), 'CONNECTIONS');
    await type(byLabel<HTMLTextAreaElement>('First comment'), 'Sources in the comments.');
    expect(await postNow()).toEqual({ accountId: IDS.linkedin, firstComment: 'Sources in the comments.', options: { visibility: 'CONNECTIONS' } });
  });

  it('X: thread parts, each checked against X’s length', async () => {
    await openPopup();
    await choose('x');
    await click(byTestId('add-thread-part')!);
    await type(byLabel<HTMLTextAreaElement>('Post 2 of the thread'), 'b'.repeat(300));
    await until(() => expect(inCard('x', '[data-testid="error-threadParts.0"]')?.textContent).toContain('part 2 of the thread is 300 of 280'));
    await type(byLabel<HTMLTextAreaElement>('Post 2 of the thread'), 'And a second thought.');
    await click(byTestId('add-thread-part')!);
    // An empty part is left out.
    expect(await postNow()).toEqual({ accountId: IDS.x, threadParts: ['And a second thought.'] });
  });
});
