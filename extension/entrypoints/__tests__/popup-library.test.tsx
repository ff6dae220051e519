import { describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n/index.js';
import { byTestId, button, click, until } from '../../testing/dom.js';
import { errorBody, type FakeAnswer, type ReceivedRequest } from '../../testing/fake-service.js';
import { popupHarness } from '../../testing/popup-harness.js';
import { captureResult, me, POST_ID, WORKSPACE_ID } from '../../testing/fixtures.js';
import { englishWordsOn } from './german.js';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');

/** A file of the library; `age` hours old, so a higher number is older. */
function medium(age: number, kind: 'image' | 'video' | 'document' = 'image') {
  const id = `00000000-0000-4000-8000-${String(age).padStart(12, '0')}`;
  const type = { image: ['image/png', 'png'], video: ['video/mp4', 'mp4'], document: ['application/pdf', 'pdf'] }[kind];
  return {
    id, workspaceId: WORKSPACE_ID, kind, mimeType: type[0], sizeBytes: 1000 + age, originalFilename: `file-${age}.${type[1]}`,
    width: kind === 'image' ? 640 : null, height: kind === 'image' ? 480 : null, durationSeconds: kind === 'video' ? 12 : null,
    url: `http://media.example/${id}`, thumbnailUrl: kind === 'image' ? `http://media.example/${id}/thumb.webp` : null,
    urlExpiresAt: new Date(NOW + 3_600_000).toISOString(), sourceUrl: null, uploadedBy: null, createdAt: new Date(NOW - age * 3_600_000).toISOString(),
  };
}

/** The workspace's library, in no particular order: the fake service sorts it as the real one does. */
let library: ReturnType<typeof medium>[] = [];
let listAnswer: ((request: ReceivedRequest) => FakeAnswer) | null = null;

/** GET …/media like the service: newest first, `limit` per page, an opaque cursor to the next page. */
function listMedia(request: ReceivedRequest): FakeAnswer {
  const query = new URL(request.path, 'http://fake').searchParams;
  const limit = Number(query.get('limit') ?? 20);
  const offset = query.has('cursor') ? Number(atob(query.get('cursor')!)) : 0;
  const sorted = [...library].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const items = sorted.slice(offset, offset + limit);
  return { status: 200, json: { items, nextCursor: offset + limit < sorted.length ? btoa(String(offset + limit)) : null } };
}

function routes(request: ReceivedRequest): FakeAnswer {
  const route = `${request.method} ${request.path.split('?')[0]!.replace(/[0-9a-f-]{36}/g, ':id')}`;
  switch (route) {
    case 'GET /api/v1/me':
      return { status: 200, json: me };
    case 'GET /api/v1/workspaces':
      return { status: 200, json: { items: [{ id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner', createdAt: '2025-01-01T00:00:00.000Z' }] } };
    case 'GET /api/v1/workspaces/:id/accounts':
      return { status: 200, json: { items: [] } };
    case 'GET /api/v1/workspaces/:id/schedule':
      return { status: 200, json: { timeZone: 'Europe/Berlin', postingSlots: [] } };
    case 'GET /api/v1/workspaces/:id/media':
      return listAnswer ? listAnswer(request) : listMedia(request);
    case 'POST /api/v1/workspaces/:id/captures':
      return { status: 201, json: captureResult() };
    case 'PATCH /api/v1/workspaces/:id/posts/:id':
      return { status: 200, json: captureResult().post };
    default:
      return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
  }
}

const popup = popupHarness(routes, () => {
  library = [];
  listAnswer = null;
});

const listRequests = () => popup.service.requests.filter((request) => request.method === 'GET' && request.path.split('?')[0]!.endsWith('/media'));
const shownNames = () => [...document.querySelectorAll('[data-testid="library-item"] .library-name')].map((name) => name.textContent);
const attachedNames = () => [...document.querySelectorAll('[data-testid="attached-media"] .media-name')].map((name) => name.textContent);
/** The checkbox of the library's row showing `name`. */
function box(name: string): HTMLInputElement {
  const row = [...document.querySelectorAll('[data-testid="library-item"]')].find((item) => item.querySelector('.library-name')?.textContent === name);
  const input = row?.querySelector('input');
  if (!input) throw new Error(`No library row "${name}"`);
  return input;
}
const libraryButton = () => byTestId<HTMLButtonElement>('open-library')!;

async function openPopup() {
  await popup.openPopup('https://example.com/story', 'The story');
  await until(() => expect(byTestId('open-library')).not.toBeNull());
}
async function openLibrary() {
  await click(libraryButton());
  await until(() => expect(byTestId('library')).not.toBeNull());
}
function pressEscape(on: Element) {
  on.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
}

describe('quick post: choose from the media library', () => {
  it('lists the library newest first, a page at a time, with thumbnails or a type icon', async () => {
    // 14 files, stored out of order: two pages of 12.
    library = [5, 1, 14, 3, 2, 9, 8, 7, 6, 4, 10, 12, 11, 13].map((age) => medium(age, age === 2 ? 'video' : age === 3 ? 'document' : 'image'));
    await openPopup();
    await openLibrary();
    await until(() => expect(shownNames()).toHaveLength(12));
    expect(shownNames()).toEqual(['file-1.png', 'file-2.mp4', 'file-3.pdf', ...[4, 5, 6, 7, 8, 9, 10, 11, 12].map((age) => `file-${age}.png`)]);
    expect(new URL(listRequests()[0]!.path, 'http://fake').searchParams.get('limit')).toBe('12');
    // Images show their signed thumbnail; a video and a PDF show an icon and say what they are.
    const rows = document.querySelectorAll('[data-testid="library-item"]');
    expect(rows[0]!.querySelector('img')?.getAttribute('src')).toBe(library.find((item) => item.originalFilename === 'file-1.png')!.thumbnailUrl);
    expect(rows[1]!.querySelector('img')).toBeNull();
    expect(rows[1]!.querySelector('.library-icon svg')).not.toBeNull();
    expect(rows[1]!.textContent).toContain('Video');
    expect(rows[2]!.textContent).toContain('PDF');

    await click(byTestId('library-more')!);
    await until(() => expect(shownNames()).toHaveLength(14));
    expect(shownNames().slice(12)).toEqual(['file-13.png', 'file-14.png']);
    // The second request carried the first page's cursor, and nothing is left to show.
    expect(new URL(listRequests()[1]!.path, 'http://fake').searchParams.get('cursor')).toBe(btoa('12'));
    expect(byTestId('library-more')).toBeNull();
    // Keyboard users carry on at the first new file.
    await until(() => expect(document.activeElement).toBe(box('file-13.png')));
  });

  it('attaches two picked files in the order picked, marks them, and the saved draft carries their ids', async () => {
    library = [1, 2, 3].map((age) => medium(age));
    await openPopup();
    await openLibrary();
    await until(() => expect(shownNames()).toHaveLength(3));
    expect(byTestId<HTMLButtonElement>('library-attach')!.disabled).toBe(true);
    await click(box('file-3.png'));
    await click(box('file-1.png'));
    expect(byTestId('library-status')?.textContent).toBe('2 files chosen.');
    // The order shows on each row, and is said to screen readers.
    expect(box('file-3.png').closest('li')!.querySelector('.pick-order')?.textContent).toBe('1');
    expect(box('file-1.png').closest('li')!.textContent).toContain('chosen as number 2');
    await click(button('Attach 2 files'));

    await until(() => expect(attachedNames()).toEqual(['file-3.png', 'file-1.png']));
    expect(byTestId('library')).toBeNull();
    expect(document.activeElement).toBe(libraryButton());
    // Opened again, the attached files are marked and cannot be picked twice.
    await openLibrary();
    await until(() => expect(shownNames()).toHaveLength(3));
    expect(box('file-3.png')).toMatchObject({ checked: true, disabled: true });
    expect(box('file-3.png').closest('li')!.textContent).toContain('attached');
    expect(box('file-2.png')).toMatchObject({ checked: false, disabled: false });
    pressEscape(box('file-2.png'));
    await until(() => expect(byTestId('library')).toBeNull());

    await click(button('Save draft'));
    await until(() => expect(byTestId('save-status')).not.toBeNull());
    const ids = (age: number) => library.find((item) => item.originalFilename === `file-${age}.png`)!.id;
    expect(popup.service.requests.filter((request) => request.method === 'PATCH' && request.path.endsWith(`/posts/${POST_ID}`))[0]?.body).toEqual({ mediaIds: [ids(3), ids(1)] });
  });

  it('lets a picked file be removed from the post and picked again', async () => {
    library = [1, 2].map((age) => medium(age));
    await openPopup();
    await openLibrary();
    await until(() => expect(shownNames()).toHaveLength(2));
    await click(box('file-2.png'));
    await click(box('file-1.png'));
    // Unticking takes a file out of the choice; the numbers close up.
    await click(box('file-2.png'));
    expect(box('file-1.png').closest('li')!.querySelector('.pick-order')?.textContent).toBe('1');
    await click(button('Attach 1 file'));
    await until(() => expect(attachedNames()).toEqual(['file-1.png']));

    await click(document.querySelector<HTMLButtonElement>('[aria-label="Remove file-1.png"]')!);
    await until(() => expect(attachedNames()).toEqual([]));
    await openLibrary();
    await until(() => expect(shownNames()).toHaveLength(2));
    expect(box('file-1.png')).toMatchObject({ checked: false, disabled: false });
  });

  it('moves focus into the picker, and Escape closes it without attaching and returns focus', async () => {
    library = [1, 2].map((age) => medium(age));
    await openPopup();
    expect(libraryButton().getAttribute('aria-expanded')).toBe('false');
    await openLibrary();
    const panel = byTestId('library')!;
    expect(panel.getAttribute('role')).toBe('dialog');
    expect(document.getElementById(panel.getAttribute('aria-labelledby')!)?.textContent).toBe('Media library');
    await until(() => expect(panel.contains(document.activeElement)).toBe(true));
    expect(libraryButton().getAttribute('aria-expanded')).toBe('true');
    expect(libraryButton().getAttribute('aria-controls')).toBe(panel.parentElement!.id);

    await until(() => expect(shownNames()).toHaveLength(2));
    await click(box('file-1.png'));
    pressEscape(box('file-1.png'));
    await until(() => expect(byTestId('library')).toBeNull());
    expect(document.activeElement).toBe(libraryButton());
    expect(libraryButton().getAttribute('aria-expanded')).toBe('false');
    expect(attachedNames()).toEqual([]);

    // Cancel does the same.
    await openLibrary();
    await click(button('Cancel'));
    await until(() => expect(byTestId('library')).toBeNull());
    expect(document.activeElement).toBe(libraryButton());
  });

  it('says so when the library is empty', async () => {
    await openPopup();
    await openLibrary();
    await until(() => expect(byTestId('library-empty')?.textContent).toBe('This workspace’s media library is empty. Files you upload or capture are kept there.'));
    expect(byTestId('library-loading')).toBeNull();
    expect(byTestId('library-more')).toBeNull();
    expect(byTestId<HTMLButtonElement>('library-attach')!.disabled).toBe(true);
  });

  it('shows that it is loading, then the service’s refusal, and tries again', async () => {
    library = [medium(1)];
    // The first answer never comes: the picker says it is loading.
    popup.service.answer = (request) => (request.path.includes('/media') ? 'hang' : routes(request));
    await openPopup();
    await openLibrary();
    await until(() => expect(byTestId('library-loading')?.textContent).toBe('Loading the media library…'));
    await click(button('Cancel'));

    // Opened again it asks again; this time the service refuses, in its own words.
    popup.service.answer = routes;
    listAnswer = () => ({ status: 403, json: errorBody('forbidden', 'You are no longer a member of this workspace.') });
    await openLibrary();
    await until(() => expect(byTestId('library-error')?.textContent).toBe('You are no longer a member of this workspace.'));
    expect(byTestId('library-error')?.getAttribute('role')).toBe('alert');

    listAnswer = null;
    await click(button('Try again'));
    await until(() => expect(shownNames()).toEqual(['file-1.png']));
    expect(byTestId('library-error')).toBeNull();
  });

  it('tells the person when the service cannot be reached, and when a further page fails', async () => {
    library = Array.from({ length: 13 }, (_, index) => medium(index + 1));
    listAnswer = () => ({ status: 502, text: '<h1>Bad gateway</h1>', contentType: 'text/html' });
    await openPopup();
    await openLibrary();
    await until(() => expect(byTestId('library-error')?.textContent).toMatch(/^The Minopa service at http:\/\/127\.0\.0\.1:\d+ had a problem \(HTTP 502\)/));

    listAnswer = null;
    await click(button('Try again'));
    await until(() => expect(shownNames()).toHaveLength(12));
    listAnswer = () => ({ status: 502, text: '<h1>Bad gateway</h1>', contentType: 'text/html' });
    await click(byTestId('library-more')!);
    await until(() => expect(byTestId('library-error')).not.toBeNull());
    // What was shown stays; trying again asks for the page that failed.
    expect(shownNames()).toHaveLength(12);
    listAnswer = null;
    await click(button('Try again'));
    await until(() => expect(shownNames()).toHaveLength(13));
    expect(new URL(listRequests().at(-1)!.path, 'http://fake').searchParams.get('cursor')).toBe(btoa('12'));
  });

  it('stops at the most files a post takes', async () => {
    library = Array.from({ length: 24 }, (_, index) => medium(index + 1));
    await openPopup();
    await openLibrary();
    await until(() => expect(shownNames()).toHaveLength(12));
    await click(byTestId('library-more')!);
    await until(() => expect(shownNames()).toHaveLength(24));
    for (let age = 1; age <= 20; age++) await click(box(`file-${age}.png`));
    expect(byTestId('library-status')?.textContent).toBe('A post takes at most 20 files: remove one to choose another.');
    expect(box('file-21.png').disabled).toBe(true);
    // A chosen one can still be unticked, which makes room again.
    await click(box('file-20.png'));
    expect(box('file-21.png').disabled).toBe(false);
  });

  it('speaks German', async () => {
    await setLocale('de');
    library = Array.from({ length: 13 }, (_, index) => medium(index + 1, index === 1 ? 'video' : 'image'));
    await openPopup();
    expect(libraryButton().textContent).toBe('Mediathek');
    await openLibrary();
    await until(() => expect(shownNames()).toHaveLength(12));
    const panel = byTestId('library')!;
    expect(panel.querySelector('h3')?.textContent).toBe('Mediathek');
    expect(byTestId('library-status')?.textContent).toBe('Wählen Sie Dateien aus; sie werden in der Reihenfolge Ihrer Auswahl angehängt.');
    await click(box('file-2.mp4'));
    expect(byTestId('library-status')?.textContent).toBe('1 Datei gewählt.');
    expect(box('file-2.mp4').closest('li')!.textContent).toContain('als Nummer 1 gewählt');
    expect(button('1 Datei anhängen')).toBeTruthy();
    expect(button('Abbrechen')).toBeTruthy();
    expect(button('Mehr anzeigen')).toBeTruthy();
    expect(englishWordsOn(panel, shownNames().map(String))).toEqual([]);
    await click(button('1 Datei anhängen'));
    await until(() => expect(attachedNames()).toEqual(['file-2.mp4']));
  });
});
