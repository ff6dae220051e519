import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerMessageHandlers } from '../../lib/messaging/handlers.js';
import { removeAllListeners } from '../../lib/messaging/protocol.js';
import { byLabel, byTestId, button, click, render, type, until } from '../../testing/dom.js';
import { installMissingApis } from '../../testing/fake-apis.js';
import { errorBody, startFakeService, type FakeService } from '../../testing/fake-service.js';
import { FakeTeam, INVITE_LINK, TEAMMATE_ID } from '../../testing/fake-team.js';
import { signedIn, USER_ID, WORKSPACE_ID } from '../../testing/fixtures.js';
import { setLocale } from '../../lib/i18n/index.js';
import { App } from '../options/App.js';
import { englishWordsOn } from './german.js';

const team = new FakeTeam();
let service: FakeService;
let unmount: (() => Promise<void>) | undefined;
beforeAll(async () => {
  service = await startFakeService((request) => team.answer(request) ?? { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') });
});
afterAll(() => service.close());
afterEach(() => unmount?.());

async function open(role: 'owner' | 'admin' | 'editor' | 'viewer') {
  fakeBrowser.reset();
  removeAllListeners();
  installMissingApis();
  team.reset(role);
  service.requests.length = 0;
  await signedIn(service.url);
  registerMessageHandlers();
  unmount = await render(<App />);
  await until(() => expect(byTestId('member-list')).not.toBeNull());
}

/** Picks an option of a <select> the way React notices (the page may put it back if the change is refused). */
async function choose(select: HTMLSelectElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const memberRow = (userId: string) => byTestId(`member-${userId}`)!;
const requested = (method: string, path: string) => service.requests.filter((r) => r.method === method && r.path === path);

describe('Members panel', () => {
  beforeEach(() => open('owner'));

  it('lists members with their roles, the pending invitations, and the owner’s tools', async () => {
    expect(byTestId('members-panel')?.querySelector('h2')?.textContent).toBe('Members of Team');
    expect(memberRow(USER_ID).textContent).toContain('Ada Lovelace(you)');
    expect(byLabel<HTMLSelectElement>('Role of Grace Hopper').value).toBe('editor');
    expect(byTestId('invitation-list')?.textContent).toContain('pending@example.com as viewer');
    expect(byTestId('invite-form')).not.toBeNull();
    expect(byTestId('transfer-ownership')).not.toBeNull();
    // An owner may invite owners.
    expect([...byLabel<HTMLSelectElement>('Role').options].map((o) => o.value)).toEqual(['owner', 'admin', 'editor', 'viewer']);
  });

  it('invites: a bad address shows its error next to the field; a good one is listed as pending', async () => {
    await type(byLabel('Email address'), 'not-an-email');
    await click(button('Send invitation'));
    await until(() => expect(byLabel('Email address').getAttribute('aria-invalid')).toBe('true'));
    const errorId = byLabel('Email address').getAttribute('aria-describedby')!.split(' ')[0]!;
    expect(document.getElementById(errorId)?.textContent).toBe('Email address must be an email address like name@example.com.');

    await type(byLabel('Email address'), 'grace@example.com');
    await click(button('Send invitation'));
    await until(() => expect(byTestId('invite-error')?.textContent).toContain('already a member'));

    await type(byLabel('Email address'), 'linus@example.com');
    await choose(byLabel<HTMLSelectElement>('Role'), 'admin');
    await click(button('Send invitation'));
    await until(() => expect(byTestId('invite-sent')?.textContent).toBe('Invitation sent to linus@example.com.'));
    expect(byTestId('invitation-list')?.textContent).toContain('linus@example.com as admin');
    expect(byLabel('Email address').value).toBe('');
    expect(requested('POST', `/api/v1/workspaces/${WORKSPACE_ID}/invitations`).at(-1)?.body).toEqual({ email: 'linus@example.com', role: 'admin' });
  });

  it('revokes an invitation', async () => {
    await click(button('Revoke'));
    await until(() => expect(byTestId('no-invitations')).not.toBeNull());
  });

  it('changes a role, and removes a member after confirming', async () => {
    await choose(byLabel<HTMLSelectElement>('Role of Grace Hopper'), 'viewer');
    await until(() => expect(requested('PATCH', `/api/v1/workspaces/${WORKSPACE_ID}/members/${TEAMMATE_ID}`)).toHaveLength(1));
    await until(() => expect(button('Remove').disabled).toBe(false));
    expect(byLabel<HTMLSelectElement>('Role of Grace Hopper').value).toBe('viewer');
    await click(button('Remove'));
    expect(requested('DELETE', `/api/v1/workspaces/${WORKSPACE_ID}/members/${TEAMMATE_ID}`)).toHaveLength(0);
    await click(button('Yes, remove'));
    await until(() => expect(byTestId(`member-${TEAMMATE_ID}`)).toBeNull());
  });

  it('shows the service’s sentence when the last owner tries to step down', async () => {
    await choose(byLabel<HTMLSelectElement>('Role of Ada Lovelace'), 'admin');
    await until(() => expect(byTestId('members-error')?.textContent).toBe('A workspace always needs at least one owner.'));
    expect(byLabel<HTMLSelectElement>('Role of Ada Lovelace').value).toBe('owner');
  });

  it('transfers ownership after confirming: the owner’s tools go away', async () => {
    await choose(byLabel<HTMLSelectElement>('New owner'), TEAMMATE_ID);
    await click(button('Transfer ownership'));
    await click(button('Yes, transfer'));
    await until(() => expect(byTestId('transfer-ownership')).toBeNull());
    // Now an admin: the new owner's role is shown, no longer changeable.
    expect(memberRow(TEAMMATE_ID).textContent).toContain('Owner');
    expect(byLabel<HTMLSelectElement>('Role of Ada Lovelace').value).toBe('admin');
    expect(requested('POST', `/api/v1/workspaces/${WORKSPACE_ID}/transfer-ownership`)[0]?.body).toEqual({ userId: TEAMMATE_ID });
  });

  it('joins another workspace from a pasted invitation link', async () => {
    await type(byLabel('Invitation link'), 'https://example.com/not-an-invitation');
    await click(button('Show invitation'));
    await until(() => expect(byLabel('Invitation link').getAttribute('aria-invalid')).toBe('true'));
    await type(byLabel('Invitation link'), INVITE_LINK);
    await click(button('Show invitation'));
    await until(() => expect(byTestId('invitation-preview')?.textContent).toContain('Grace Hopper invited ada@example.com to Analytical Engines as editor.'));
    await click(button('Accept and join'));
    await until(() => expect(byTestId('joined')?.textContent).toBe('You joined Analytical Engines.'));
    await until(() => expect([...byLabel<HTMLSelectElement>('Default workspace').options].map((o) => o.textContent)).toContain('Analytical Engines'));
  });
});

describe('Members panel for a viewer', () => {
  beforeEach(() => open('viewer'));

  it('shows names and roles only, and lets the viewer leave', async () => {
    expect(document.querySelectorAll('[data-testid="member-list"] select')).toHaveLength(0);
    expect(byTestId('invite-form')).toBeNull();
    expect(byTestId('invitation-list')).toBeNull();
    expect(byTestId('transfer-ownership')).toBeNull();
    expect(memberRow(TEAMMATE_ID).textContent).toContain('Editor');
    await click(button('Leave workspace'));
    await click(button('Yes, leave'));
    await until(() => expect(requested('POST', `/api/v1/workspaces/${WORKSPACE_ID}/leave`)).toHaveLength(1));
    await until(() => expect(byTestId('member-list')).toBeNull());
  });
});

describe('Members panel for an admin', () => {
  beforeEach(() => open('admin'));

  it('cannot hand out the owner role', async () => {
    expect([...byLabel<HTMLSelectElement>('Role').options].map((o) => o.value)).toEqual(['admin', 'editor', 'viewer']);
    expect([...byLabel<HTMLSelectElement>('Role of Grace Hopper').options].map((o) => o.value)).toEqual(['admin', 'editor', 'viewer']);
    expect(byTestId('transfer-ownership')).toBeNull();
  });
});

describe('Members panel in German', () => {
  beforeEach(async () => {
    await setLocale('de');
    await open('owner');
  });
  afterEach(() => setLocale('en'));

  it('names roles, invitations, the owner’s tools and the audit log in German', async () => {
    const panel = byTestId('members-panel')!;
    expect(panel.querySelector('h2')?.textContent).toBe('Mitglieder von Team');
    expect(memberRow(USER_ID).textContent).toContain('Ada Lovelace(Sie)');
    const roles = byLabel<HTMLSelectElement>('Rolle von Grace Hopper');
    expect(roles.selectedOptions[0]?.textContent).toBe('Redakteur');
    expect([...byLabel<HTMLSelectElement>('Rolle').options].map((option) => option.textContent)).toEqual(['Eigentümer', 'Admin', 'Redakteur', 'Betrachter']);
    expect(byTestId('invitation-list')?.textContent).toContain('pending@example.com als Betrachter');
    expect(byTestId('invitation-list')?.textContent).toMatch(/läuft am \d{1,2}\.\d{2}\.\d{4} ab/);
    expect(byTestId('audit-log')?.querySelector('h3')?.textContent).toBe('Protokoll');
    expect(byTestId('join-form')?.textContent).toContain('Haben Sie eine Einladung erhalten?');
    // Messages the service sends (role="alert") stay in its words; everything the extension writes is German.
    const serviceWords = [...panel.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent ?? '');
    expect(englishWordsOn(panel, ['Ada Lovelace', 'Grace Hopper', 'pending@example.com', ...serviceWords])).toEqual([]);
  });

  it('asks before removing, in German', async () => {
    await click(button('Entfernen'));
    expect(document.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Grace Hopper entfernen?');
    expect(button('Ja, entfernen')).toBeDefined();
    expect(button('Abbrechen')).toBeDefined();
  });
});
