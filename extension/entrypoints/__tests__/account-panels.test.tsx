import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerMessageHandlers } from '../../lib/messaging/handlers.js';
import { serviceUrlItem } from '../../lib/storage.js';
import { byLabel, byTestId, button, click, render, type, until } from '../../testing/dom.js';
import { errorBody, startFakeService, type FakeService, type ReceivedRequest } from '../../testing/fake-service.js';
import { me, signedIn, WORKSPACE_ID } from '../../testing/fixtures.js';
import { App } from '../options/App.js';
import { resetExtension } from '../../testing/reset-extension.js';

const sessions = [
  { id: 's1', current: true, client: 'Minopa for Chrome', userAgent: 'x', browser: 'Chrome 126', os: 'macOS', deviceType: 'desktop', createdAt: me.createdAt, lastUsedAt: me.createdAt, expiresAt: '2099-01-01T00:00:00Z' },
  { id: 's2', current: false, client: null, userAgent: 'y', browser: 'Firefox 128', os: 'Windows 10', deviceType: 'desktop', createdAt: me.createdAt, lastUsedAt: me.createdAt, expiresAt: '2099-01-01T00:00:00Z' },
];
let user = { ...me };
let liveSessions = [...sessions];

function routes(request: ReceivedRequest) {
  const route = `${request.method} ${request.path}`;
  if (route === 'GET /api/v1/legal') {
    const document = (kind: string) => ({ kind, version: '1', title: kind, lastUpdated: '2025-01-01', url: `/legal/${kind}` });
    return { status: 200, json: { terms: document('terms'), privacy: document('privacy') } };
  }
  if (route === 'GET /api/v1/me') return { status: 200, json: user };
  if (route === 'GET /api/v1/workspaces') return { status: 200, json: { items: [{ id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner', createdAt: me.createdAt }] } };
  if (route === 'GET /api/v1/auth/providers') return { status: 200, json: { google: { enabled: true, sandbox: true } } };
  if (route === 'POST /api/v1/me/email-verification') return { status: 202, json: { message: `We sent a new link to ${user.email}. It works for 48 hours.` } };
  if (route === 'PATCH /api/v1/me') {
    user = { ...user, ...(request.body as object) };
    return { status: 200, json: user };
  }
  if (route === 'POST /api/v1/me/email') {
    return { status: 400, json: errorBody('validation_failed', 'That is not your current password.', [{ path: 'password', message: 'is not your current password' }]) };
  }
  if (route === 'GET /api/v1/me/sessions') return { status: 200, json: { items: liveSessions } };
  if (route === 'POST /api/v1/me/sessions/revoke-others') {
    liveSessions = liveSessions.filter((session) => session.current);
    return { status: 200, json: { revoked: 1 } };
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
  user = { ...me };
  liveSessions = [...sessions];
  await serviceUrlItem.setValue(service.url);
  registerMessageHandlers();
});
afterEach(() => unmount?.());

describe('options page for a signed-in person', () => {
  beforeEach(async () => {
    await signedIn(service.url);
    unmount = await render(<App />);
    await until(() => expect(byTestId('profile-panel')).not.toBeNull());
  });

  it('shows the unverified-email banner; "Resend link" asks the service and says where it went', async () => {
    await until(() => expect(byTestId('verify-email-banner')?.textContent).toContain('ada@example.com'));
    await click(button('Resend link'));
    await until(() => expect(byTestId('verify-email-sent')?.textContent).toBe('We sent a new link to ada@example.com. It works for 48 hours.'));
  });

  it('P28: corrects the name, and shows a field error from the email change next to the password', async () => {
    await until(() => expect(byLabel('First name').value).toBe('Ada'));
    await type(byLabel('Last name'), 'King');
    await click(button('Save name'));
    await until(() => expect(service.requests.some((request) => request.method === 'PATCH')).toBe(true));
    expect(service.requests.find((request) => request.method === 'PATCH')?.body).toEqual({ firstName: 'Ada', lastName: 'King' });
    await until(() => expect(byTestId('signed-in-user')?.textContent).toContain('Ada King'));
    expect(byTestId('names-form')?.textContent).toContain('Saved.');

    await type(byLabel('New email address'), 'new@example.com');
    await type(byLabel('Your password'), 'wrong');
    await click(button('Send confirmation link'));
    await until(() => expect(byLabel('Your password').getAttribute('aria-invalid')).toBe('true'));
    expect(document.body.textContent).toContain('Your password is not your current password.');
  });

  it('lists sessions with their device, marks this one, and signs out all the others', async () => {
    await until(() => expect(document.querySelectorAll('[data-testid="session"]')).toHaveLength(2));
    const rows = [...document.querySelectorAll('[data-testid="session"]')].map((row) => row.textContent);
    expect(rows[0]).toContain('Chrome 126 on macOS · This device');
    expect(rows[1]).toContain('Firefox 128 on Windows 10');
    await click(button('Sign out all other sessions'));
    await until(() => expect(byTestId('sessions-notice')?.textContent).toBe('1 other session was signed out.'));
    expect(document.querySelectorAll('[data-testid="session"]')).toHaveLength(1);
  });
});

describe('Continue with Google on the sign-in form', () => {
  it('shows the service’s sentence for a Google account without Minopa account, and offers sign-up', async () => {
    const message = 'There is no Minopa account for this Google account yet. Create one with “Continue with Google” on the sign-up form.';
    (fakeBrowser as unknown as { identity: unknown }).identity = {
      getRedirectURL: (path = '') => `https://ejjoaohdmeejfgghdfmlnkdbgkmllanp.chromiumapp.org/${path}`,
      launchWebAuthFlow: vi.fn(async ({ url }: { url: string }) => {
        const start = new URL(url);
        return `${start.searchParams.get('redirect_uri')}?error=account_not_found&message=${encodeURIComponent(message)}&state=${start.searchParams.get('state')}`;
      }),
    };
    unmount = await render(<App />);
    await until(() => expect(byTestId('show-signin')).not.toBeNull());
    await click(byTestId('show-signin')!);
    await until(() => expect(byTestId('google-signin')).not.toBeNull());
    expect(byTestId('google-sandbox-hint')?.textContent).toMatch(/Sandbox/);
    await click(byTestId('google-signin')!);
    await until(() => expect(byTestId('google-error')?.textContent).toBe(message));
    await click(byTestId('google-offer-signup')!);
    await until(() => expect(byTestId('signup-form')).not.toBeNull());
  });
});
