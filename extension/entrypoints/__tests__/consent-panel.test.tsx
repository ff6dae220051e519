import { describe, expect, it } from 'vitest';
import { consentExpiry, consentModeOf, DENIED_CHOICES } from '#shared/privacy/consent.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { consentItem } from '../../lib/storage.js';
import { byTestId, click, until } from '../../testing/dom.js';
import type { ReceivedRequest } from '../../testing/fake-service.js';
import { panelHarness } from '../../testing/panel-harness.js';
import { ConsentPanel } from '../options/ConsentPanel.js';
import { ConsentReminder } from '../popup/ConsentReminder.js';

/** The service's consent record, as the real one keeps it (latest choice wins). */
let stored: { choices: typeof DENIED_CHOICES; decidedAt: Date } | null = null;
function routes(request: ReceivedRequest) {
  if (request.path !== '/api/v1/me/consent') return { status: 404, json: {} };
  if (request.method === 'PUT') stored = { choices: (request.body as { choices: typeof DENIED_CHOICES }).choices, decidedAt: new Date() };
  if (!stored) return { status: 200, json: { status: 'missing', choices: DENIED_CHOICES, decidedAt: null, expiresAt: null, policyVersion: null, consentMode: consentModeOf(null) } };
  return { status: 200, json: { status: 'current', choices: stored.choices, decidedAt: stored.decidedAt.toISOString(), expiresAt: consentExpiry(stored.decidedAt).toISOString(), policyVersion: '1.0', consentMode: consentModeOf(stored.choices) } };
}

const harness = panelHarness(routes, () => (stored = null));

async function open() {
  await harness.open(<ConsentPanel initial={await sendMessage('getConsent')} />);
  await until(() => expect(byTestId('consent-panel')).not.toBeNull());
}

const box = (category: string) => byTestId<HTMLInputElement>(`consent-${category}`)!;

describe('Privacy choices panel (P20)', () => {
  it('P20: asks first, with every optional category off and essential always on', async () => {
    await open();
    expect(byTestId('consent-ask')!.textContent).toContain('Before you start');
    expect(['functional', 'analytics', 'marketing', 'errorReports'].map((category) => box(category).checked)).toEqual([false, false, false, false]);
    const essential = byTestId('consent-panel')!.querySelector<HTMLInputElement>('input[disabled]')!;
    expect(essential.checked).toBe(true);
  });

  it('P20: saves a choice by category on the service and says until when it holds', async () => {
    await open();
    await click(box('analytics'));
    await click(box('errorReports'));
    await click(byTestId('consent-save')!);
    await until(() => expect(byTestId('consent-status')?.textContent).toContain('Saved. Your choice holds until'));
    expect(harness.service.requests.find((request) => request.method === 'PUT')!.body).toEqual({ choices: { functional: false, analytics: true, marketing: false, errorReports: true }, source: 'extension' });
    expect((await consentItem.getValue())!.choices).toEqual({ functional: false, analytics: true, marketing: false, errorReports: true });
    expect(byTestId('consent-ask')).toBeNull();
  });

  it('P29: "Only essential" withdraws everything at once; "Allow all" is as easy', async () => {
    await open();
    await click(byTestId('consent-allow-all')!);
    await until(() => expect(stored?.choices).toEqual({ functional: true, analytics: true, marketing: true, errorReports: true }));
    await click(byTestId('consent-essential-only')!);
    await until(() => expect(stored?.choices).toEqual(DENIED_CHOICES));
    expect(box('analytics').checked).toBe(false);
  });
});

describe('popup reminder (P20)', () => {
  it('P20: the popup asks for the privacy choices until they are made, and again once they expired', async () => {
    await harness.open(<ConsentReminder />);
    await until(() => expect(byTestId('consent-reminder')?.textContent).toContain('Choose what Minopa may do'));
    expect(byTestId('consent-reminder-open')!.getAttribute('href')).toMatch(/\/options\.html#consent$/);

    const yearAgo = new Date(Date.now() - 366 * 86_400_000);
    await consentItem.setValue({ choices: DENIED_CHOICES, decidedAt: yearAgo.toISOString(), expiresAt: consentExpiry(yearAgo).toISOString(), savedOnService: true });
    await harness.open(<ConsentReminder />);
    await until(() => expect(byTestId('consent-reminder')?.textContent).toContain('expired after 12 months'));

    await consentItem.setValue({ choices: DENIED_CHOICES, decidedAt: new Date().toISOString(), expiresAt: consentExpiry(new Date()).toISOString(), savedOnService: true });
    await harness.open(<ConsentReminder />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(byTestId('consent-reminder')).toBeNull();
  });
});
