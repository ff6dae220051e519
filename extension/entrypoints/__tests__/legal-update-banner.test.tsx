import { describe, expect, it } from 'vitest';
import { byTestId, click, until } from '../../testing/dom.js';
import type { ReceivedRequest } from '../../testing/fake-service.js';
import { USER_ID } from '../../testing/fixtures.js';
import { panelHarness } from '../../testing/panel-harness.js';
import { LegalUpdateBanner } from '../options/LegalUpdateBanner.js';

/** The service's answer: the Privacy Policy changed materially and waits for acceptance until accepted. */
let acceptedAt: string | null = null;
function standing() {
  const doc = (kind: 'terms' | 'privacy', version: string, material: boolean, changes: string | null, accepted: string | null) => ({
    kind, version, title: kind === 'terms' ? 'Terms of Service' : 'Privacy Policy', lastUpdated: '2027-01-01', url: `https://minopa.example/legal/${kind}/${version}`, material, changes, acceptedAt: accepted,
  });
  return { acceptanceDue: acceptedAt === null, terms: doc('terms', '1.0', false, null, '2026-11-27T10:00:00.000Z'), privacy: doc('privacy', '2.0', true, 'Usage statistics are now kept 26 months.', acceptedAt) };
}
function routes(request: ReceivedRequest) {
  if (request.path === '/api/v1/me/legal') return { status: 200, json: standing() };
  if (request.path === '/api/v1/me/legal-acceptances') {
    acceptedAt = new Date().toISOString();
    return { status: 200, json: standing() };
  }
  return { status: 404, json: {} };
}

const harness = panelHarness(routes, () => (acceptedAt = null));

describe('legal update banner (P12)', () => {
  it('P12: shows what changed with a link to the new text, and records the acceptance of the versions shown', async () => {
    await harness.open(<LegalUpdateBanner userId={USER_ID} />);
    await until(() => expect(byTestId('legal-update-banner')).not.toBeNull());
    const banner = byTestId('legal-update-banner')!;
    expect(banner.textContent).toContain('Privacy Policy, version 2.0 of January 1, 2027');
    expect(banner.textContent).toContain('Usage statistics are now kept 26 months.');
    expect(banner.textContent).not.toContain('Terms of Service');
    expect(banner.querySelector('a')!.getAttribute('href')).toBe('https://minopa.example/legal/privacy/2.0');

    await click(byTestId('legal-accept')!);
    await until(() => expect(byTestId('legal-accepted')).not.toBeNull());
    expect(harness.service.requests.find((request) => request.method === 'POST')).toMatchObject({ path: '/api/v1/me/legal-acceptances', body: { terms: '1.0', privacy: '2.0' } });
    expect(byTestId('legal-update-banner')).toBeNull();
  });
});
