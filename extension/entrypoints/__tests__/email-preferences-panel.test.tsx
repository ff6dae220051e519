import { describe, expect, it } from 'vitest';
import type { EmailKindPreference } from '#shared/api/email-preferences.js';
import { setLocale } from '../../lib/i18n/index.js';
import { byTestId, click, until } from '../../testing/dom.js';
import { errorBody, type ReceivedRequest } from '../../testing/fake-service.js';
import { panelHarness } from '../../testing/panel-harness.js';
import { EmailPreferencesPanel } from '../options/EmailPreferencesPanel.js';

/** The service's preferences as it answers them (labels in the requested language). */
let kinds: EmailKindPreference[] = [];
/** When set, the next PATCH is answered 503 (the service is briefly unavailable). */
let failNextSave = false;
const fresh = (): EmailKindPreference[] => [
  { kind: 'account', label: 'Account emails', enabled: true, changeable: false },
  { kind: 'security', label: 'Security notices', enabled: false, changeable: false },
  { kind: 'post-failed', label: 'Post failed', enabled: true, changeable: true },
  { kind: 'newsletter', label: 'Newsletter', enabled: false, changeable: true },
];
function routes(request: ReceivedRequest) {
  if (request.path !== '/api/v1/me/email-preferences') return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
  if (request.method === 'PATCH') {
    const changes = (request.body as { kinds: Record<string, boolean> }).kinds;
    if (failNextSave) {
      failNextSave = false;
      return { status: 503, json: errorBody('service_unavailable', 'The service is not ready. Please try again shortly.') };
    }
    kinds = kinds.map((kind) => (kind.kind in changes ? { ...kind, enabled: changes[kind.kind]! } : kind));
  }
  return { status: 200, json: { kinds } };
}

const harness = panelHarness(routes, () => {
  kinds = fresh();
  failNextSave = false;
});

async function open() {
  await harness.open(<EmailPreferencesPanel />);
  await until(() => expect(byTestId('email-kind-account')).not.toBeNull());
}
const box = (kind: string) => byTestId<HTMLInputElement>(`email-kind-${kind}`)!;
const patches = () => harness.service.requests.filter((request) => request.method === 'PATCH').map((request) => request.body);

describe('Settings → Email preferences (P10, P11)', () => {
  it('P10: shows every kind as the service has it; account emails are ticked and cannot be unticked', async () => {
    await open();
    expect(byTestId('email-preferences-panel')!.textContent).toContain('Post failed');
    expect([box('account').checked, box('post-failed').checked, box('newsletter').checked]).toEqual([true, true, false]);
    expect(box('account').disabled).toBe(true);
    expect(byTestId('email-preferences-panel')!.textContent).toContain('Always sent: Minopa needs these to run your account.');
    expect(box('post-failed').disabled).toBe(false);
  });

  it('P10: turning a kind off or on saves it at once on the service and shows the answer', async () => {
    await open();
    await click(box('post-failed'));
    await until(() => expect(byTestId('email-preferences-saved')).not.toBeNull());
    expect(box('post-failed').checked).toBe(false);
    await click(box('newsletter'));
    await until(() => expect(box('newsletter').checked).toBe(true));
    expect(patches()).toEqual([{ kinds: { 'post-failed': false } }, { kinds: { newsletter: true } }]);
  });

  it('P11: a kind unsubscribed by link can be turned back on here, even an always-sent one', async () => {
    await open();
    expect(box('security').checked).toBe(false);
    expect(box('security').disabled).toBe(false);
    expect(byTestId('email-preferences-panel')!.textContent).toContain('You unsubscribed from these with a link in an email.');
    await click(box('security'));
    await until(() => expect(box('security').checked).toBe(true));
    expect(box('security').disabled).toBe(true);
    expect(patches()).toEqual([{ kinds: { security: true } }]);
  });

  it('P10: a failed save says why and leaves the box as the service has it', async () => {
    await open();
    failNextSave = true;
    await click(box('post-failed'));
    await until(() => expect(byTestId('email-preferences-panel')!.textContent).toContain('The service is not ready.'));
    expect(box('post-failed').checked).toBe(true);
  });

  it('P10: speaks German, and asks the service for German labels', async () => {
    setLocale('de');
    await open();
    expect(byTestId('email-preferences-panel')!.textContent).toContain('E-Mail-Einstellungen');
    expect(byTestId('email-preferences-panel')!.textContent).toContain('Werden immer gesendet');
    expect(harness.service.requests.find((request) => request.method === 'GET')!.headers['accept-language']).toMatch(/^de/);
  });
});
