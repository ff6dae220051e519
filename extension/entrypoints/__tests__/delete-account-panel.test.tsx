import { describe, expect, it } from 'vitest';
import type { AccountDeletion } from '#shared/api/deletion.js';
import { setLocale } from '../../lib/i18n/index.js';
import { byLabel, byTestId, click, type, until } from '../../testing/dom.js';
import type { ReceivedRequest } from '../../testing/fake-service.js';
import { me } from '../../testing/fixtures.js';
import { panelHarness } from '../../testing/panel-harness.js';
import { DeleteAccountPanel } from '../options/DeleteAccountPanel.js';
import { englishWordsOn } from './german.js';

const none: AccountDeletion = { status: 'none', requestedAt: null, dueAt: null, unscheduledPosts: null, workspaces: [{ id: 'w1', name: 'Studio', outcome: 'delete' }] };
const scheduled: AccountDeletion = { ...none, status: 'scheduled', requestedAt: '2026-11-28T10:00:00.000Z', dueAt: '2026-12-28T10:00:00.000Z', unscheduledPosts: 2 };

/** The fake service's deletion: POST with the right password schedules it, DELETE cancels. */
let state: AccountDeletion = none;
function routes(request: ReceivedRequest) {
  if (request.method === 'POST') {
    if ((request.body as { password?: string }).password !== 'right one') {
      return { status: 400, json: { error: { code: 'validation_failed', message: 'That is not your current password.', fields: [{ path: 'password', message: 'is not your current password' }] } } };
    }
    state = scheduled;
    return { status: 202, json: state };
  }
  if (request.method === 'DELETE') {
    state = { ...none };
    return { status: 200, json: state };
  }
  return { status: 200, json: { ...state, unscheduledPosts: null } };
}

const harness = panelHarness(routes, () => (state = none));

async function open() {
  await harness.open(<DeleteAccountPanel user={me} />);
  await until(() => expect(byTestId('deletion-form')).not.toBeNull());
}

describe('Delete my account panel (P17)', () => {
  it('P17: explains the cooling-off period, asks for the password, shows the date and cancels', async () => {
    await open();
    expect(byTestId('delete-account-panel')!.textContent).toContain('cooling-off period of 30 days');
    await type(byLabel('Your password'), 'wrong');
    await click(byTestId('deletion-request')!);
    await until(() => expect(byTestId('delete-account-panel')!.textContent).toContain('is not your current password'));
    expect(byTestId('deletion-date')).toBeNull();

    await type(byLabel('Your password'), 'right one');
    await click(byTestId('deletion-request')!);
    await until(() => expect(byTestId('deletion-date')).not.toBeNull());
    expect(byTestId('deletion-date')!.textContent).toBe('Your account will be deleted on December 28, 2026. Publishing and inviting are paused until then. 2 scheduled posts went back to drafts.');
    const posted = harness.service.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/me/deletion').at(-1);
    expect(posted?.body).toEqual({ password: 'right one' });

    await click(byTestId('deletion-cancel')!);
    await until(() => expect(byTestId('deletion-cancelled')).not.toBeNull());
    expect(harness.service.requests.some((request) => request.method === 'DELETE' && request.path === '/api/v1/me/deletion')).toBe(true);
    expect(byTestId('deletion-date')).toBeNull();
  });

  it('P17: an account without a password confirms with its email address', async () => {
    await harness.open(<DeleteAccountPanel user={{ ...me, hasPassword: false }} />);
    await until(() => expect(byTestId('deletion-form')).not.toBeNull());
    expect(byLabel('Type your email address (ada@example.com) to confirm')).not.toBeNull();
  });

  it('P17: speaks German', async () => {
    await setLocale('de');
    state = scheduled;
    await harness.open(<DeleteAccountPanel user={me} />);
    await until(() => expect(byTestId('deletion-date')).not.toBeNull());
    expect(byTestId('deletion-date')!.textContent).toContain('Ihr Konto wird am 28. Dezember 2026 gelöscht.');
    expect(englishWordsOn(byTestId('delete-account-panel')!, ['Canva', 'Google Drive', 'Minopa'])).toEqual([]);
  });
});
