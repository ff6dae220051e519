import { describe, expect, it } from 'vitest';
import type { PrivacyRights } from '#shared/api/rights.js';
import { byTestId, click, type, until } from '../../testing/dom.js';
import type { ReceivedRequest } from '../../testing/fake-service.js';
import { USER_ID } from '../../testing/fixtures.js';
import { panelHarness } from '../../testing/panel-harness.js';
import { RightsPanel } from '../options/RightsPanel.js';

/** The service's record, changed as the real one changes it. */
let rights: PrivacyRights;
function routes(request: ReceivedRequest) {
  if (request.path === '/api/v1/me/privacy' && request.method === 'PATCH') {
    const body = request.body as { objectToUsageStatistics?: boolean; restrictProcessing?: boolean };
    if (body.objectToUsageStatistics !== undefined) rights = { ...rights, objectsToUsageStatistics: body.objectToUsageStatistics };
    if (body.restrictProcessing) rights = { ...rights, restrictedAt: '2026-11-28T10:00:00.000Z' };
  }
  if (request.path === '/api/v1/me/privacy-requests') {
    const { kind, details } = request.body as { kind: 'access'; details: string };
    const created = { id: 'r1', kind, details, receivedAt: '2026-11-28T10:00:00.000Z', dueAt: '2026-12-28T10:00:00.000Z', resolvedAt: null, resolution: null };
    rights = { ...rights, requests: [created, ...rights.requests] };
    return { status: 201, json: created };
  }
  return { status: 200, json: rights };
}

const harness = panelHarness(routes, () => (rights = { objectsToUsageStatistics: false, objectsToMarketing: false, restrictedAt: null, requests: [] }));

describe('Your rights panel (P29, P30)', () => {
  it('P29: objecting acts at once; P30: a request shows when it will be answered', async () => {
    await harness.open(<RightsPanel userId={USER_ID} />);
    await until(() => expect(byTestId('object-usage')).not.toBeNull());

    await click(byTestId('object-usage')!);
    await until(() => expect(byTestId<HTMLInputElement>('object-usage')!.checked).toBe(true));
    expect(harness.service.requests.find((request) => request.method === 'PATCH')!.body).toEqual({ objectToUsageStatistics: true });

    await type(byTestId<HTMLTextAreaElement>('request-details')!, 'Please send me everything you hold about me.');
    await click(byTestId('request-send')!);
    await until(() => expect(byTestId('request-sent')?.textContent).toContain('December 28, 2026'));
    expect(harness.service.requests.find((request) => request.path === '/api/v1/me/privacy-requests')!.body).toEqual({ kind: 'access', details: 'Please send me everything you hold about me.' });
    await until(() => expect(byTestId('request-list')?.textContent).toContain('A copy of my data'));
  });
});
