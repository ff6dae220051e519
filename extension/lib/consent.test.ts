import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { consentExpiry, consentModeOf, DENIED_CHOICES } from '#shared/privacy/consent.js';
import { startFakeService, type FakeService } from '../testing/fake-service.js';
import { signedIn } from '../testing/fixtures.js';
import { consentInForce, getConsent, reconcileWithService, saveConsent } from './consent.js';
import { askForConsentOnInstall } from './first-run.js';
import { consentItem, serviceUrlItem } from './storage.js';

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(() => service.close());
beforeEach(() => {
  fakeBrowser.reset();
  service.requests.length = 0;
});

const ALLOW_ANALYTICS = { functional: true, analytics: true, marketing: false, errorReports: false };

/** The service's answer for a stored choice (or none). */
function remoteState(choice: { choices: typeof ALLOW_ANALYTICS; decidedAt: Date } | null, status?: 'current' | 'expired') {
  if (!choice) return { status: 'missing', choices: DENIED_CHOICES, decidedAt: null, expiresAt: null, policyVersion: null, consentMode: consentModeOf(null) };
  const state = status ?? 'current';
  const applies = state === 'current' ? choice.choices : DENIED_CHOICES;
  return { status: state, choices: applies, decidedAt: choice.decidedAt.toISOString(), expiresAt: consentExpiry(choice.decidedAt).toISOString(), policyVersion: '1.0', consentMode: consentModeOf(state === 'current' ? applies : null) };
}

describe('consent in the extension (P20)', () => {
  it('P20: before any choice, nothing optional is allowed and the options page reports it missing', async () => {
    await serviceUrlItem.setValue(service.url);
    expect(await consentInForce()).toEqual(DENIED_CHOICES);
    expect(await getConsent()).toMatchObject({ status: 'missing', choices: DENIED_CHOICES, savedOnService: false });
    expect(service.requests).toEqual([]);
  });

  it('P20: a choice made signed out holds here for twelve months and goes to the service at the next reconcile', async () => {
    await serviceUrlItem.setValue(service.url);
    const view = await saveConsent({ choices: ALLOW_ANALYTICS });
    expect(view).toMatchObject({ status: 'current', choices: ALLOW_ANALYTICS, savedOnService: false });
    expect(view.expiresAt).toBe(consentExpiry(new Date(view.decidedAt!)).toISOString());
    expect(await consentInForce()).toEqual(ALLOW_ANALYTICS);
    expect(service.requests).toEqual([]);

    await signedIn(service.url);
    const decidedAt = new Date();
    service.answer = (request) => (request.method === 'PUT' ? { status: 200, json: remoteState({ choices: ALLOW_ANALYTICS, decidedAt }) } : { status: 200, json: remoteState(null) });
    await reconcileWithService();
    const put = service.requests.find((request) => request.method === 'PUT');
    expect(put).toMatchObject({ path: '/api/v1/me/consent', body: { choices: ALLOW_ANALYTICS, source: 'extension' } });
    expect(await consentItem.getValue()).toMatchObject({ savedOnService: true, decidedAt: decidedAt.toISOString() });
  });

  it('P20: a newer choice made in another browser comes down and applies here', async () => {
    await signedIn(service.url);
    await consentItem.setValue({ choices: DENIED_CHOICES, decidedAt: new Date(Date.now() - 60_000).toISOString(), expiresAt: consentExpiry(new Date()).toISOString(), savedOnService: true });
    service.answer = () => ({ status: 200, json: remoteState({ choices: ALLOW_ANALYTICS, decidedAt: new Date() }) });
    expect((await getConsent()).choices).toEqual(ALLOW_ANALYTICS);
    expect(await consentInForce()).toEqual(ALLOW_ANALYTICS);
    expect(service.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('P20: a year later the choice expires: all denied, and the person is asked again', async () => {
    await serviceUrlItem.setValue(service.url);
    const yearAgo = new Date(Date.now() - 366 * 86_400_000);
    await consentItem.setValue({ choices: ALLOW_ANALYTICS, decidedAt: yearAgo.toISOString(), expiresAt: consentExpiry(yearAgo).toISOString(), savedOnService: true });
    expect(await consentInForce()).toEqual(DENIED_CHOICES);
    expect(await getConsent()).toMatchObject({ status: 'expired', choices: DENIED_CHOICES });
  });

  it('keeps the local choice in force when the service cannot be reached, and says it is not sent yet', async () => {
    await signedIn('http://127.0.0.1:9');
    const view = await saveConsent({ choices: ALLOW_ANALYTICS });
    expect(view).toMatchObject({ status: 'current', choices: ALLOW_ANALYTICS, savedOnService: false });
  });

  it('P20: a fresh install opens the options page at the privacy choices; an update does not', async () => {
    const urls = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url);
    const before = await urls();
    await askForConsentOnInstall({ reason: 'update', previousVersion: '0.0.9' } as never);
    expect(await urls()).toEqual(before);
    await askForConsentOnInstall({ reason: 'install' } as never);
    expect(await urls()).toEqual([...before, expect.stringMatching(/\/options\.html#consent$/)]);
    // A reinstall that still finds a choice does not ask again.
    await saveConsent({ choices: ALLOW_ANALYTICS });
    await askForConsentOnInstall({ reason: 'install' } as never);
    expect(await urls()).toHaveLength(before.length + 1);
  });
});
