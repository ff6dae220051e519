import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Calendar, CalendarPost, CalendarTarget } from '#shared/api/calendar.js';
import { registerMessageHandlers } from '../../lib/messaging/handlers.js';
import { popupWorkspaceIdItem } from '../../lib/storage.js';
import { byLabel, byTestId, button, click, render, type, until } from '../../testing/dom.js';
import { errorBody, startFakeService, type FakeAnswer, type FakeService, type ReceivedRequest } from '../../testing/fake-service.js';
import { me, OTHER_WORKSPACE_ID, signedIn, WORKSPACE_ID } from '../../testing/fixtures.js';
import { setLocale } from '../../lib/i18n/index.js';
import { App } from '../dashboard/App.js';
import { englishWordsOn } from './german.js';
import { parseLocation } from '../dashboard/location.js';
import { resetExtension } from '../../testing/reset-extension.js';

const SCHEDULED_ID = '55555555-5555-4555-8555-555555555555';
const FAILED_ID = '66666666-6666-4666-8666-666666666666';
const PUBLISHED_ID = '77777777-7777-4777-8777-777777777777';
const ACCOUNT_ID = '88888888-8888-4888-8888-888888888888';

function target(overrides: Partial<CalendarTarget> & Pick<CalendarTarget, 'id' | 'postId' | 'status' | 'at'>): CalendarTarget {
  return {
    platform: 'x',
    account: { id: ACCOUNT_ID, name: 'Ada Studio', username: 'ada_studio', avatarUrl: null, status: 'active' },
    overrides: {},
    dueAt: overrides.at,
    publishedAt: null,
    remoteUrl: null,
    failure: null,
    attempts: 0,
    updatedAt: '2026-03-01T00:00:00.000Z',
    metrics: null,
    ...overrides,
  };
}

function post(id: string, title: string, targets: CalendarTarget[], status: CalendarPost['status'] = 'scheduled'): CalendarPost {
  return { id, status, title, body: `${title} body text`, mediaCount: 0, at: targets[0]!.at, targets };
}

// Tuesday 31 March 2026, 09:30 in Berlin (summer time, UTC+2) — 07:30 in UTC.
const scheduledPost = post(SCHEDULED_ID, 'Spring launch', [target({ id: 'a1111111-1111-4111-8111-111111111111', postId: SCHEDULED_ID, status: 'scheduled', at: '2026-03-31T07:30:00.000Z' })]);
const failedPost = post(FAILED_ID, 'Broken thread', [
  target({ id: 'b1111111-1111-4111-8111-111111111111', postId: FAILED_ID, status: 'failed', at: '2026-03-30T08:00:00.000Z', failure: { kind: 'invalid_content', code: '186', message: 'Tweet needs to be a bit shorter.' } }),
  target({ id: 'b2222222-2222-4222-8222-222222222222', postId: FAILED_ID, status: 'unconfirmed', at: '2026-03-30T08:00:00.000Z', platform: 'linkedin', account: { id: ACCOUNT_ID, name: 'Ada Pages', username: null, avatarUrl: null, status: 'active' } }),
], 'failed');
const publishedPost = post(PUBLISHED_ID, 'Hello world', [
  target({
    id: 'c1111111-1111-4111-8111-111111111111', postId: PUBLISHED_ID, status: 'published', at: '2026-03-30T10:00:05.000Z', publishedAt: '2026-03-30T10:00:05.000Z',
    remoteUrl: 'https://x.com/ada_studio/status/1', metrics: { likes: 1204, comments: 3, shares: null, views: 98000, fetchedAt: '2026-03-31T00:00:00.000Z' },
  }),
], 'published');

function calendar(url: URL): Calendar {
  const status = url.searchParams.get('status')?.split(',') ?? ['scheduled', 'publishing', 'published', 'failed', 'unconfirmed'];
  const items = [scheduledPost, failedPost, publishedPost]
    .map((item) => ({ ...item, targets: item.targets.filter((t) => status.includes(t.status)) }))
    .filter((item) => item.targets.length > 0);
  return {
    timeZone: 'Europe/Berlin', from: url.searchParams.get('from')!, to: url.searchParams.get('to')!,
    range: { start: '2026-03-29T22:00:00.000Z', end: '2026-04-05T22:00:00.000Z' }, items, truncated: false,
  };
}

const drafts = {
  items: [
    { id: 'd2222222-2222-4222-8222-222222222222', workspaceId: WORKSPACE_ID, status: 'draft', title: 'Newest capture', body: 'From a blog', hashtags: [], source: { kind: 'page', url: 'https://blog.example/post', title: null, selectionText: null, linkUrl: null, linkText: null, imageUrl: null, imageAlt: null, page: null, capturedAt: '2026-03-29T10:00:00.000Z' }, media: [], mediaFetch: null, createdBy: null, createdAt: '2026-03-29T10:00:00.000Z', updatedAt: '2026-03-29T10:00:00.000Z', archivedAt: null },
    { id: 'd1111111-1111-4111-8111-111111111111', workspaceId: WORKSPACE_ID, status: 'draft', title: 'Older capture', body: 'A quote', hashtags: [], source: null, media: [], mediaFetch: null, createdBy: null, createdAt: '2026-03-28T10:00:00.000Z', updatedAt: '2026-03-28T10:00:00.000Z', archivedAt: null },
  ],
  nextCursor: null,
};

let answerReschedule: (request: ReceivedRequest) => FakeAnswer;

function routes(request: ReceivedRequest): FakeAnswer {
  const url = new URL(request.path, 'http://fake');
  const route = `${request.method} ${url.pathname}`;
  const ws = (id: string) => `/api/v1/workspaces/${id}`;
  if (route === 'GET /api/v1/me') return { status: 200, json: me };
  if (route === 'GET /api/v1/workspaces') {
    return { status: 200, json: { items: [
      { id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner', createdAt: me.createdAt },
      { id: OTHER_WORKSPACE_ID, name: 'Team', role: 'viewer', createdAt: me.createdAt },
    ] } };
  }
  for (const id of [WORKSPACE_ID, OTHER_WORKSPACE_ID]) {
    if (route === `GET ${ws(id)}/calendar`) return { status: 200, json: id === WORKSPACE_ID ? calendar(url) : { ...calendar(url), items: [] } };
    if (route === `GET ${ws(id)}/schedule`) return { status: 200, json: { timeZone: 'Europe/Berlin', postingSlots: [{ weekday: 4, time: '11:15' }] } };
    if (route === `GET ${ws(id)}/posts`) return { status: 200, json: drafts };
  }
  if (route === `POST ${ws(WORKSPACE_ID)}/posts/${SCHEDULED_ID}/reschedule`) return answerReschedule(request);
  const draft = drafts.items[0]!;
  if (route === `GET ${ws(WORKSPACE_ID)}/posts/${draft.id}`) return { status: 200, json: draft };
  if (route === `PATCH ${ws(WORKSPACE_ID)}/posts/${draft.id}`) {
    const body = request.body as { body: string };
    if (body.body.trim() === '') return { status: 400, json: errorBody('validation_failed', 'Some fields are missing or not valid.', [{ path: 'body', message: 'must not be empty' }]) };
    return { status: 200, json: { ...draft, ...body } };
  }
  if (route === `GET ${ws(WORKSPACE_ID)}/posts/${draft.id}/targets`) return { status: 200, json: { postId: draft.id, postStatus: 'draft', items: [] } };
  if (route === `PUT ${ws(WORKSPACE_ID)}/posts/${draft.id}/targets`) return { status: 200, json: { postId: draft.id, postStatus: 'draft', items: [] } };
  if (route === `POST ${ws(WORKSPACE_ID)}/posts/${draft.id}/schedule`) {
    return { status: 200, json: { postId: draft.id, postStatus: 'scheduled', items: [{ ...scheduledPost.targets[0], postId: draft.id, dueAt: '2026-04-06T07:00:00.000Z' }] } };
  }
  if (route === `GET ${ws(WORKSPACE_ID)}/accounts`) {
    return { status: 200, json: { items: [{ id: ACCOUNT_ID, workspaceId: WORKSPACE_ID, platform: 'x', kind: 'profile', remoteId: '1', name: 'Ada Studio', username: 'ada_studio', avatarUrl: null, status: 'active', statusReason: null, sandbox: true, connectedAt: me.createdAt }] } };
  }
  if (route.startsWith(`POST ${ws(WORKSPACE_ID)}/posts/${FAILED_ID}/targets/`) && route.endsWith('/retry')) {
    return { status: 200, json: { ...failedPost.targets[0], status: 'scheduled', failure: null } };
  }
  return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
}

let service: FakeService;
let unmount: (() => Promise<void>) | undefined;
beforeAll(async () => {
  service = await startFakeService(routes);
});
afterAll(() => service.close());
beforeEach(async () => {
  resetExtension(service);
  answerReschedule = () => ({ status: 200, json: { postId: SCHEDULED_ID, postStatus: 'scheduled', items: [{ ...scheduledPost.targets[0], dueAt: '2026-04-02T09:15:00.000Z' }] } });
  await signedIn(service.url);
  registerMessageHandlers();
});
afterEach(async () => {
  await unmount?.();
  window.location.hash = '';
});

async function open(hash: string) {
  window.location.hash = hash;
  unmount = await render(<App />);
}

const requests = (pathPart: string) => service.requests.filter((request) => request.path.includes(pathPart));

/** A native drag event carrying `dataTransfer`, as Chromium dispatches it. */
function drag(type: string, element: Element, dataTransfer: DataTransfer) {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
  element.dispatchEvent(event);
}

describe('Queue & calendar page', () => {
  it("shows the week in the workspace's time zone, with channels, excerpt and posting slots", async () => {
    await open('#view=week&date=2026-04-01');
    await until(() => expect(byTestId(`post-${SCHEDULED_ID}`)).not.toBeNull());
    // 07:30 UTC is 09:30 in Berlin: the post sits in Tuesday's 09:00 row whatever the test machine's zone.
    expect(byTestId('cell-2026-03-31-09')?.contains(byTestId(`post-${SCHEDULED_ID}`))).toBe(true);
    const card = byTestId(`post-${SCHEDULED_ID}`)!;
    expect(card.textContent).toContain('09:30');
    expect(card.textContent).toContain('X · @ada_studio');
    expect(card.textContent).toContain('Spring launch body text');
    expect(byTestId('range-label')?.textContent).toBe('Mon 30 Mar – Sun 5 Apr 2026');
    expect(byTestId('time-zone')?.textContent).toContain('Europe/Berlin');
    expect(byTestId('slot-2026-04-02-11:15')).not.toBeNull();
    expect(requests('/calendar')[0]?.path).toMatch(/from=2026-03-30&to=2026-04-05$/);
  });

  it('reschedules by dropping a post on another hour (keeping its minutes) or on a posting slot', async () => {
    await open('#view=week&date=2026-04-01');
    await until(() => expect(byTestId(`post-${SCHEDULED_ID}`)).not.toBeNull());
    const dataTransfer = new DataTransfer();
    drag('dragstart', byTestId(`post-${SCHEDULED_ID}`)!, dataTransfer);
    drag('dragover', byTestId('cell-2026-04-03-14')!, dataTransfer);
    drag('drop', byTestId('cell-2026-04-03-14')!, dataTransfer);
    await until(() => expect(requests('/reschedule')).toHaveLength(1));
    expect(requests('/reschedule')[0]!.body).toEqual({ when: 'at', localTime: '2026-04-03T14:30' });
    await until(() => expect(byTestId('move-notice')?.textContent).toBe('Moved “Spring launch body text” to Thu 2 Apr, 11:15.'));

    drag('dragstart', byTestId(`post-${SCHEDULED_ID}`)!, dataTransfer);
    drag('drop', byTestId('slot-2026-04-02-11:15')!, dataTransfer);
    await until(() => expect(requests('/reschedule')).toHaveLength(2));
    expect(requests('/reschedule')[1]!.body).toEqual({ when: 'at', localTime: '2026-04-02T11:15' });
  });

  it('moves a post from the keyboard with "Move to…", and says in a sentence why the service refused', async () => {
    answerReschedule = () => ({ status: 409, json: errorBody('target_locked', 'The post is being published to X account “Ada Studio” right now, so it cannot be changed. Try again in a minute.') });
    await open('#view=week&date=2026-04-01');
    await until(() => expect(byTestId(`post-${SCHEDULED_ID}`)).not.toBeNull());
    await click(button('Move to…'));
    expect(byLabel('Date').value).toBe('2026-03-31');
    expect(byLabel('Time').value).toBe('09:30');
    expect(document.activeElement).toBe(byLabel('Date'));
    await type(byLabel('Date'), '2026-04-04');
    await click(button('Move'));
    await until(() => expect(byTestId('move-error')?.textContent).toBe('The post is being published to X account “Ada Studio” right now, so it cannot be changed. Try again in a minute.'));
    expect(requests('/reschedule')[0]!.body).toEqual({ when: 'at', localTime: '2026-04-04T09:30' });
    // The form stays open so the person can pick another time.
    expect(byTestId('move-to-form')).not.toBeNull();
  });

  it('lists failures with the reason, retries a failed one, and asks for confirmation before retrying an unconfirmed one', async () => {
    await open('#view=failed');
    await until(() => expect(byTestId('failed-view')?.textContent).toContain('Tweet needs to be a bit shorter.'));
    expect(requests('/calendar')[0]!.path).toContain('status=failed%2Cunconfirmed');
    const failed = byTestId('failed-b1111111-1111-4111-8111-111111111111')!;
    expect(failed.querySelector('[data-testid="failure-reason"]')?.textContent).toBe('The network refused the content: edit the post before retrying. “Tweet needs to be a bit shorter.”');
    const retryFailed = [...failed.querySelectorAll('button')].find((candidate) => candidate.textContent === 'Retry')!;
    await click(retryFailed);
    await until(() => expect(byTestId('retry-notice')?.textContent).toBe('Publishing again to X · @ada_studio.'));
    expect(requests('/retry')[0]).toMatchObject({ path: expect.stringContaining('/targets/b1111111-1111-4111-8111-111111111111/retry'), body: {} });

    const unconfirmed = byTestId('failed-b2222222-2222-4222-8222-222222222222')!;
    const retryUnconfirmed = [...unconfirmed.querySelectorAll('button')].find((candidate) => candidate.textContent === 'Retry')!;
    expect(retryUnconfirmed.disabled).toBe(true);
    await click(byLabel('I checked LinkedIn · Ada Pages: the post is not there'));
    expect(retryUnconfirmed.disabled).toBe(false);
    await click(retryUnconfirmed);
    await until(() => expect(requests('/retry')).toHaveLength(2));
    expect(requests('/retry')[1]!.body).toEqual({ confirmNotPublished: true });
  });

  it('shows published posts with their link and numbers', async () => {
    await open('#view=published&date=2026-04-05');
    const row = () => byTestId('published-c1111111-1111-4111-8111-111111111111');
    await until(() => expect(row()).not.toBeNull());
    expect(row()!.querySelector('a[data-testid="remote-link"]')?.getAttribute('href')).toBe('https://x.com/ada_studio/status/1');
    const cells = [...row()!.querySelectorAll('td.number')].map((cell) => cell.textContent);
    expect(cells).toEqual(['1,204', '3', '—', '98,000']);
    expect(requests('status=published').map((request) => request.path)).toContainEqual(expect.stringMatching(/from=2026-03-07&to=2026-04-05&status=published$/));
  });

  it('lists drafts newest first with a link that opens the post', async () => {
    await open('#view=drafts');
    await until(() => expect(byTestId('drafts-view')?.querySelectorAll('li')).toHaveLength(2));
    const items = [...byTestId('drafts-view')!.querySelectorAll('li')];
    expect(items.map((item) => item.querySelector('.draft-title')?.textContent)).toEqual(['Newest capture — From a blog', 'Older capture — A quote']);
    expect(items[0]!.textContent).toContain('blog.example');
    const edit = items[0]!.querySelector<HTMLAnchorElement>('a.button')!;
    expect(parseLocation(new URL(edit.href).hash).postId).toBe('d2222222-2222-4222-8222-222222222222');
    expect(requests('/posts')[0]!.path).toContain('status=draft');
  });

  it("opens the popup's last workspace, switches workspace, and keeps viewers from moving posts", async () => {
    await popupWorkspaceIdItem.setValue(OTHER_WORKSPACE_ID);
    await open('#view=week&date=2026-04-01');
    await until(() => expect(byLabel<HTMLSelectElement>('Workspace').value).toBe(OTHER_WORKSPACE_ID));
    await until(() => expect(requests(`/workspaces/${OTHER_WORKSPACE_ID}/calendar`)).toHaveLength(1));
    expect(document.body.textContent).toContain('You can look at this workspace');

    byLabel<HTMLSelectElement>('Workspace').value = WORKSPACE_ID;
    byLabel<HTMLSelectElement>('Workspace').dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => expect(byTestId(`post-${SCHEDULED_ID}`)).not.toBeNull());
    expect(byTestId(`post-${SCHEDULED_ID}`)!.getAttribute('draggable')).toBe('true');
    expect(parseLocation(window.location.hash).workspaceId).toBe(WORKSPACE_ID);
  });
});

describe('post details (#post=<id>)', () => {
  const draftId = drafts.items[0]!.id;

  it('opens from the hash, saves the text, says what is wrong with it, and schedules the draft at a time in the workspace zone', async () => {
    await open(`#view=drafts&post=${draftId}`);
    await until(() => expect(byTestId('post-details')?.textContent).toContain('Schedule'));
    expect(document.activeElement).toBe(byTestId('post-details'));
    expect(byLabel<HTMLTextAreaElement>('Text').value).toBe('From a blog');

    await type(byLabel<HTMLTextAreaElement>('Text'), '   ');
    await click(button('Save text'));
    await until(() => expect(byLabel<HTMLTextAreaElement>('Text').getAttribute('aria-invalid')).toBe('true'));
    expect(byTestId('post-details')!.textContent).toContain('must not be empty');
    await type(byLabel<HTMLTextAreaElement>('Text'), 'Three ideas worth stealing');
    await click(button('Save text'));
    await until(() => expect(byTestId('details-notice')?.textContent).toBe('Saved.'));
    expect(requests(`/posts/${draftId}`).filter((request) => request.method === 'PATCH').at(-1)?.body).toEqual({ title: 'Newest capture', body: 'Three ideas worth stealing' });

    await click(byLabel('X · @ada_studio sandbox'));
    await click(byLabel('At a date and time'));
    await type(byLabel('Date'), '2026-04-06');
    await type(byLabel('Time'), '09:00');
    await click(button('Schedule'));
    await until(() => expect(byTestId('details-notice')?.textContent).toBe('Scheduled.'));
    expect(requests('/targets').find((request) => request.method === 'PUT')?.body).toEqual({ targets: [{ accountId: ACCOUNT_ID }] });
    expect(requests('/schedule').find((request) => request.method === 'POST')?.body).toEqual({ when: 'at', localTime: '2026-04-06T09:00' });
  });

  it('asks for a channel before scheduling, and closes with Escape', async () => {
    await open(`#view=drafts&post=${draftId}`);
    await until(() => expect(byTestId('schedule-form')).not.toBeNull());
    await click(button('Schedule'));
    expect(byTestId('schedule-form')!.textContent).toContain('Pick at least one channel.');
    expect(requests('/schedule').filter((request) => request.method === 'POST')).toHaveLength(0);
    byTestId('post-details')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await until(() => expect(byTestId('post-details')).toBeNull());
    expect(parseLocation(window.location.hash)).toMatchObject({ view: 'drafts', postId: null });
  });
});

describe('Queue & calendar page in German', () => {
  beforeEach(() => setLocale('de'));
  afterEach(() => setLocale('en'));

  // What the test's fake service says (post texts, names) is data, not the page's own words.
  const data = ['Spring launch body text', 'Broken thread', 'Hello world', 'Ada Studio', 'Ada Pages', '@ada_studio', 'Ada’s workspace', 'Europe/Berlin'];

  it('shows the week with German weekday and month names, and no English of its own', async () => {
    await open('#view=week&date=2026-04-01');
    await until(() => expect(byTestId(`post-${SCHEDULED_ID}`)).not.toBeNull());
    expect(byTestId('range-label')?.textContent).toBe('Mo., 30. März – So., 5. Apr. 2026');
    expect(document.title).toBe('Warteschlange & Kalender · Minopa');
    const heads = [...byTestId('week-view')!.querySelectorAll('thead th')].map((head) => head.textContent);
    expect(heads).toContain('Di., 31. März');
    expect(byTestId('time-zone')?.textContent).toBe('Zeiten in Europe/Berlin, der Zeitzone des Arbeitsbereichs.');
    expect(byTestId(`post-${SCHEDULED_ID}`)!.textContent).toContain('Geplant');
    expect(byTestId('tab-week')?.textContent).toBe('Woche');
    expect(byTestId('slot-2026-04-02-11:15')?.textContent).toBe('Termin 11:15');
    expect(englishWordsOn(document.querySelector('.dashboard')!, data)).toEqual([]);
  });

  it('names the days of the month view in full German', async () => {
    await open('#view=month&date=2026-03-15');
    await until(() => expect(byTestId('month-view')).not.toBeNull());
    expect(byTestId('range-label')?.textContent).toBe('März 2026');
    expect([...byTestId('month-view')!.querySelectorAll('thead th')].map((head) => head.textContent)).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);
    expect(byTestId('month-2026-03-31')?.querySelector('button.day-number')?.getAttribute('aria-label')).toBe('Dienstag, 31. März 2026: 1 Beitrag');
    expect(englishWordsOn(document.querySelector('.dashboard')!, data)).toEqual([]);
  });

  it('writes numbers the German way in the published view', async () => {
    await open('#view=published&date=2026-04-05');
    const row = () => byTestId('published-c1111111-1111-4111-8111-111111111111');
    await until(() => expect(row()).not.toBeNull());
    expect([...row()!.querySelectorAll('td.number')].map((cell) => cell.textContent)).toEqual(['1.204', '3', '—', '98.000']);
    expect(row()!.textContent).toContain('Zahlen vom Di., 31. März, 02:00');
    expect(englishWordsOn(document.querySelector('.dashboard')!, data)).toEqual([]);
  });

  it('asks for the check before retrying an unconfirmed post, in German', async () => {
    await open('#view=failed');
    await until(() => expect(byTestId('failed-view')?.textContent).toContain('Tweet needs to be a bit shorter.'));
    expect(byTestId('failed-b1111111-1111-4111-8111-111111111111')!.querySelector('[data-testid="failure-reason"]')?.textContent)
      .toBe('Das Netzwerk hat den Inhalt abgelehnt: Bearbeiten Sie den Beitrag, bevor Sie es erneut versuchen. „Tweet needs to be a bit shorter.“');
    expect(() => byLabel('Ich habe LinkedIn · Ada Pages geprüft: Der Beitrag ist dort nicht erschienen')).not.toThrow();
    expect(englishWordsOn(document.querySelector('.dashboard')!, [...data, 'Tweet needs to be a bit shorter.'])).toEqual([]);
  });
});

describe('parseLocation', () => {
  it('reads the view, day, workspace and post from the hash, and falls back to the week', () => {
    expect(parseLocation('#post=abc')).toEqual({ view: 'week', date: null, workspaceId: null, postId: 'abc' });
    expect(parseLocation('#view=failed')).toMatchObject({ view: 'failed' });
    expect(parseLocation('#view=nonsense&date=2026-02-30')).toMatchObject({ view: 'week', date: null });
    expect(parseLocation('#view=month&date=2026-02-28')).toMatchObject({ view: 'month', date: '2026-02-28' });
  });
});
