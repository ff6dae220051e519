import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BillingState } from '#shared/api/billing.js';
import { PLANS } from '#shared/billing/plans.js';
import type { Role } from '#shared/roles.js';
import type { ExtensionState } from '../../lib/messaging/protocol.js';
import { byTestId, button, click, until } from '../../testing/dom.js';
import { errorBody, type ReceivedRequest } from '../../testing/fake-service.js';
import { me, WORKSPACE_ID } from '../../testing/fixtures.js';
import { panelHarness } from '../../testing/panel-harness.js';
import { BillingPanel } from '../options/billing/BillingPanel.js';

const base = `/api/v1/workspaces/${WORKSPACE_ID}/billing`;
const CHECKOUT = 'https://checkout.stripe.com/c/pay/cs_test_1';
const PORTAL = 'https://billing.stripe.com/p/session/bps_1';
let billing: BillingState;

function routes(request: ReceivedRequest) {
  if (request.method === 'GET' && request.path === base) return { status: 200, json: billing };
  if (request.method === 'POST' && request.path === `${base}/checkout`) return { status: 201, json: { url: CHECKOUT } };
  if (request.method === 'POST' && request.path === `${base}/portal`) return { status: 201, json: { url: PORTAL } };
  return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
}

const harness = panelHarness(routes);

const free = (enabled: boolean): BillingState => ({
  enabled,
  plan: 'free',
  limits: { ...PLANS.free.limits },
  usage: { connectedAccounts: 2, members: 3, scheduledPostsPerMonth: 12, mediaStorageBytes: 0 },
  subscription: null,
});

async function open(role: Role, state: BillingState) {
  billing = state;
  const extensionState: ExtensionState = {
    serviceUrl: harness.service.url,
    user: { id: me.id, firstName: me.firstName, lastName: me.lastName, email: me.email, emailVerified: true, hasPassword: true, avatarUrl: null },
    workspaces: [{ id: WORKSPACE_ID, name: 'Team', role }],
    defaultWorkspaceId: WORKSPACE_ID,
    popupWorkspaceId: null,
    queuedCount: 0,
    rejected: [],
    serviceReachable: true,
  };
  await harness.open(<BillingPanel state={extensionState} />);
  await until(() => expect(byTestId('billing-plan')).not.toBeNull());
}

describe('Billing panel', () => {
  it('says billing is off and offers nothing to buy when the service runs without Stripe', async () => {
    await open('owner', free(false));
    expect(byTestId('billing-off')!.textContent).toBe('Billing is off on this Minopa service: every workspace has the Free plan.');
    expect(byTestId('billing-plan')!.textContent).toBe('Free plan');
    expect(byTestId('billing-panel')!.textContent).toContain('Members (with invitations)3 of 5');
    expect(byTestId('billing-upgrade-pro')).toBeNull();
  });

  it('lets an owner upgrade: Stripe Checkout opens in a tab', async () => {
    await open('owner', free(true));
    await click(button('Upgrade to Pro'));
    await until(async () => expect((await fakeBrowser.tabs.query({})).some((tab) => tab.url === CHECKOUT)).toBe(true));
    expect(harness.service.requests.find((request) => request.path === `${base}/checkout`)?.body).toEqual({ plan: 'pro' });
  });

  it('shows a running subscription with Manage billing (the portal), and a failed payment’s grace period', async () => {
    await open('owner', {
      ...free(true),
      plan: 'pro',
      limits: { ...PLANS.pro.limits },
      subscription: { plan: 'pro', status: 'past_due', currentPeriodEnd: '2026-12-28T10:00:00.000Z', cancelAtPeriodEnd: false, graceEndsAt: '2026-12-05T10:00:00.000Z', limitedToFree: false },
    });
    expect(byTestId('billing-plan')!.textContent).toBe('Pro plan');
    expect(byTestId('billing-status')!.textContent).toBe('A payment failed. The Pro limits stay until December 5, 2026; update the card under Manage billing.');
    expect(byTestId('billing-upgrade-team')).toBeNull();
    await click(button('Manage billing'));
    await until(async () => expect((await fakeBrowser.tabs.query({})).some((tab) => tab.url === PORTAL)).toBe(true));
  });

  it('tells members who are not owners that only owners change the plan', async () => {
    await open('admin', free(true));
    expect(byTestId('billing-upgrade-pro')).toBeNull();
    expect(byTestId('billing-panel')!.textContent).toContain('Only owners change the plan.');
  });
});
