import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PostingSlot } from '#shared/api/publishing.js';
import type { Role } from '#shared/roles.js';
import { setLocale } from '../../lib/i18n/index.js';
import { registerMessageHandlers } from '../../lib/messaging/handlers.js';
import { type ExtensionState } from '../../lib/messaging/protocol.js';
import { byLabel, byTestId, button, click, render, until } from '../../testing/dom.js';
import { errorBody, startFakeService, type FakeService, type ReceivedRequest } from '../../testing/fake-service.js';
import { me, signedIn, WORKSPACE_ID } from '../../testing/fixtures.js';
import { AppearancePanel } from '../options/AppearancePanel.js';
import { SchedulePanel } from '../options/schedule/SchedulePanel.js';
import { resetExtension } from '../../testing/reset-extension.js';

let schedule: { timeZone: string; postingSlots: PostingSlot[] };
const schedulePath = `/api/v1/workspaces/${WORKSPACE_ID}/schedule`;

function routes(request: ReceivedRequest) {
  if (request.path !== schedulePath) return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
  if (request.method === 'GET') return { status: 200, json: schedule };
  const body = request.body as Partial<typeof schedule>;
  if (body.timeZone === 'Mars/Olympus') return { status: 400, json: errorBody('validation_failed', 'timeZone is not a time zone.', [{ path: 'timeZone', message: 'is not a time zone' }]) };
  schedule = { ...schedule, ...body };
  return { status: 200, json: schedule };
}

let service: FakeService;
let unmount: (() => Promise<void>) | undefined;
beforeAll(async () => {
  service = await startFakeService(routes);
});
afterAll(() => service.close());
afterEach(() => unmount?.());

function stateAs(role: Role): ExtensionState {
  return {
    serviceUrl: service.url,
    user: { id: me.id, firstName: me.firstName, lastName: me.lastName, email: me.email, emailVerified: true, hasPassword: true, avatarUrl: null },
    workspaces: [{ id: WORKSPACE_ID, name: 'Team', role }],
    defaultWorkspaceId: WORKSPACE_ID,
    popupWorkspaceId: null,
    queuedCount: 0,
    rejected: [],
    serviceReachable: true,
  };
}

async function open(role: Role) {
  resetExtension(service);
  schedule = { timeZone: 'Europe/Berlin', postingSlots: [{ weekday: 1, time: '09:00' }, { weekday: 3, time: '17:30' }] };
  await signedIn(service.url);
  registerMessageHandlers();
  unmount = await render(<SchedulePanel state={stateAs(role)} />);
  await until(() => expect(byTestId('slots')).not.toBeNull());
}

async function choose(select: HTMLSelectElement | HTMLInputElement, value: string) {
  const prototype = select instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(select, value);
  select.dispatchEvent(new Event(select instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('Posting schedule panel', () => {
  beforeEach(() => open('admin'));

  it('shows the time zone and each weekday’s slots, Monday first', () => {
    expect(byLabel<HTMLSelectElement>('Time zone').value).toBe('Europe/Berlin');
    const rows = [...byTestId('slots')!.querySelectorAll('tr')].map((row) => row.textContent);
    expect(rows[0]).toContain('Monday09:00');
    expect(rows[2]).toContain('Wednesday17:30');
    expect(rows[6]).toContain('SundayNo slots');
    expect(byTestId('schedule-save')).toHaveProperty('disabled', true);
  });

  it('adds, copies and removes slots, then saves them with the time zone', async () => {
    await choose(byLabel<HTMLSelectElement>('Day'), '1');
    await choose(byLabel('Time'), '12:15');
    await click(byTestId('slot-add')!);
    // Copying replaces Tuesday to Friday (Wednesday's 17:30 goes) with Monday's times.
    await click(button('Copy Monday to Tuesday–Friday'));
    expect(byTestId('slot-3-17:30')).toBeNull();
    await click(button('Remove Tuesday 12:15'));
    await choose(byLabel<HTMLSelectElement>('Time zone'), 'America/New_York');
    await click(byTestId('schedule-save')!);
    await until(() => expect(byTestId('schedule-panel')?.textContent).toContain('Posting schedule saved.'));

    const sent = service.requests.find((request) => request.method === 'PATCH')!.body as typeof schedule;
    expect(sent.timeZone).toBe('America/New_York');
    const keys = sent.postingSlots.map((slot) => `${slot.weekday} ${slot.time}`).sort();
    expect(keys).toEqual(['1 09:00', '1 12:15', '2 09:00', '3 09:00', '3 12:15', '4 09:00', '4 12:15', '5 09:00', '5 12:15']);
    expect(byTestId('schedule-save')).toHaveProperty('disabled', true);
  });

  it('the same slot twice is added once; Discard puts the saved schedule back', async () => {
    await choose(byLabel<HTMLSelectElement>('Day'), '1');
    await choose(byLabel('Time'), '09:00');
    await click(byTestId('slot-add')!);
    expect(byTestId('schedule-save')).toHaveProperty('disabled', true);
    await click(button('Remove Monday 09:00'));
    expect(byTestId('slot-1-09:00')).toBeNull();
    await click(button('Discard changes'));
    expect(byTestId('slot-1-09:00')).not.toBeNull();
  });
});

describe('Posting schedule panel for an editor', () => {
  beforeEach(() => open('editor'));

  it('shows the schedule without the tools to change it', () => {
    expect(byLabel<HTMLSelectElement>('Time zone').disabled).toBe(true);
    expect(byTestId('slot-add')).toBeNull();
    expect(document.querySelector('.slot-remove')).toBeNull();
    expect(byTestId('schedule-panel')?.textContent).toContain('Only owners and admins change the schedule.');
  });
});

describe('Appearance panel', () => {
  it('switches the theme of the page at once and remembers it', async () => {
    localStorage.clear();
    delete document.documentElement.dataset.theme;
    unmount = await render(<AppearancePanel />);
    expect(byTestId<HTMLInputElement>('theme-system')!.checked).toBe(true);
    await click(byTestId('theme-dark')!);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('minopa.theme')).toBe('dark');
    await click(byTestId('theme-system')!);
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});

describe('Language', () => {
  afterEach(() => setLocale('en'));

  it('switching to Deutsch translates the open panels at once, weekday names included, and back', async () => {
    await open('admin');
    const appearance = await render(<AppearancePanel />);
    await click(byTestId('language-de')!);
    await until(() => expect(byTestId('schedule-panel')?.querySelector('h2')?.textContent).toBe('Veröffentlichungsplan von Team'));
    expect(byLabel<HTMLSelectElement>('Zeitzone').value).toBe('Europe/Berlin');
    expect(byTestId('slots')!.querySelector('tr')!.textContent).toContain('Montag09:00');
    expect(document.documentElement.lang).toBe('de');
    await click(byTestId('language-en')!);
    await until(() => expect(byTestId('schedule-panel')?.querySelector('h2')?.textContent).toBe('Posting schedule of Team'));
    await appearance();
  });
});
