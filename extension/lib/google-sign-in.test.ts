import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { errorBody, startFakeService, type FakeService, type ReceivedRequest } from '../testing/fake-service.js';
import { me, WORKSPACE_ID } from '../testing/fixtures.js';
import { toUiError } from './errors.js';
import { registerMessageHandlers } from './messaging/handlers.js';
import { sendMessage } from './messaging/protocol.js';
import { serviceUrlItem, sessionItem } from './storage.js';
import { resetExtension } from '../testing/reset-extension.js';

const REDIRECT_BASE = 'https://ejjoaohdmeejfgghdfmlnkdbgkmllanp.chromiumapp.org/';
const googleUser = { ...me, emailVerified: true, hasPassword: false };

function routes(request: ReceivedRequest) {
  const route = `${request.method} ${request.path}`;
  if (route === 'POST /api/v1/auth/google/exchange') {
    const { code } = request.body as { code: string };
    if (code !== 'mnc_good') return { status: 400, json: errorBody('sign_in_expired', 'This sign-in code expired or was already used. Please sign in with Google again.') };
    return { status: 200, json: { token: 'mns_google_session', expiresAt: '2099-01-01T00:00:00Z', user: googleUser } };
  }
  if (route === 'GET /api/v1/me') return { status: 200, json: googleUser };
  if (route === 'GET /api/v1/workspaces') return { status: 200, json: { items: [{ id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner', createdAt: me.createdAt }] } };
  return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
}

/** The browser's identity API: `answer` plays the service and Google, and decides where the window ends. */
function installIdentity(answer: (start: URL) => string | Promise<string>) {
  const identity = {
    getRedirectURL: vi.fn((path = '') => REDIRECT_BASE + path),
    launchWebAuthFlow: vi.fn(async ({ url }: { url: string; interactive?: boolean }) => answer(new URL(url))),
  };
  (fakeBrowser as unknown as { identity: typeof identity }).identity = identity;
  return identity;
}

/** Ends the flow the way the service does: the redirect URL with the echoed state and a code or an error. */
const finish = (params: Record<string, string>) => (start: URL) => {
  const back = new URL(start.searchParams.get('redirect_uri')!);
  back.searchParams.set('state', start.searchParams.get('state')!);
  for (const [key, value] of Object.entries(params)) back.searchParams.set(key, value);
  return back.href;
};

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService(routes);
});
afterAll(() => service.close());
beforeEach(async () => {
  resetExtension(service);
  await serviceUrlItem.setValue(service.url);
  registerMessageHandlers();
});

const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('expected the message to fail'), toUiError);
const legal = { terms: 't-3', privacy: 'p-2' };

describe('signInWithGoogle (background handler)', () => {
  it('opens the service’s start URL in an identity window, trades the one-time code, and signs in', async () => {
    const identity = installIdentity(finish({ code: 'mnc_good' }));
    const state = await sendMessage('signInWithGoogle', { intent: 'sign-in' });

    expect(identity.launchWebAuthFlow).toHaveBeenCalledTimes(1);
    const call = identity.launchWebAuthFlow.mock.calls[0]![0];
    expect(call.interactive).toBe(true);
    const start = new URL(call.url);
    expect(start.origin + start.pathname).toBe(`${service.url}/api/v1/auth/google/start`);
    expect(start.searchParams.get('redirect_uri')).toBe(`${REDIRECT_BASE}google`);
    expect(start.searchParams.get('intent')).toBe('sign-in');
    expect(start.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(start.searchParams.get('ageConfirmed')).toBeNull();

    const exchange = service.requests.find((request) => request.path === '/api/v1/auth/google/exchange');
    expect(exchange?.body).toEqual({ code: 'mnc_good', client: 'Minopa for Chrome' });
    expect(state.user).toMatchObject({ email: 'ada@example.com', emailVerified: true, hasPassword: false });
    expect((await sessionItem.getValue())?.token).toBe('mns_google_session');
    expect(JSON.stringify(state)).not.toContain('mns_google_session');
  });

  it('a sign-up carries the age confirmation and the accepted legal versions', async () => {
    const identity = installIdentity(finish({ code: 'mnc_good' }));
    await sendMessage('signInWithGoogle', { intent: 'sign-up', ageConfirmed: true, acceptedLegalVersions: legal });
    const start = new URL(identity.launchWebAuthFlow.mock.calls[0]![0].url);
    expect(Object.fromEntries(['intent', 'ageConfirmed', 'terms', 'privacy'].map((key) => [key, start.searchParams.get(key)]))).toEqual({
      intent: 'sign-up',
      ageConfirmed: 'true',
      terms: 't-3',
      privacy: 'p-2',
    });
  });

  it('a sign-up without the two boxes ticked fails per field before any window opens', async () => {
    const identity = installIdentity(finish({ code: 'mnc_good' }));
    const error = await failure(sendMessage('signInWithGoogle', { intent: 'sign-up', ageConfirmed: false, acceptedLegalVersions: null }));
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.map((field) => field.path)).toEqual(['ageConfirmed', 'acceptedLegalVersions']);
    expect(identity.launchWebAuthFlow).not.toHaveBeenCalled();
  });

  it('shows the service’s error from the redirect (a Google account without Minopa account)', async () => {
    const message = 'There is no Minopa account for this Google account yet. Create one with “Continue with Google” on the sign-up form.';
    installIdentity(finish({ error: 'account_not_found', message }));
    const error = await failure(sendMessage('signInWithGoogle', { intent: 'sign-in' }));
    expect(error).toEqual({ code: 'account_not_found', message });
    expect(service.requests).toHaveLength(0);
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('reports a closed window as google_cancelled', async () => {
    installIdentity(() => Promise.reject(new Error('The user did not approve access.')));
    const error = await failure(sendMessage('signInWithGoogle', { intent: 'sign-in' }));
    expect(error.code).toBe('google_cancelled');
    expect(error.message).toMatch(/closed before it finished/);
  });

  it('ignores an answer whose state is not this request’s', async () => {
    installIdentity((start) => `${start.searchParams.get('redirect_uri')}?code=mnc_good&state=someone-elses`);
    const error = await failure(sendMessage('signInWithGoogle', { intent: 'sign-in' }));
    expect(error.code).toBe('internal');
    expect(service.requests).toHaveLength(0);
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('passes on a refused exchange (e.g. a code used twice)', async () => {
    installIdentity(finish({ code: 'mnc_used' }));
    const error = await failure(sendMessage('signInWithGoogle', { intent: 'sign-in' }));
    expect(error.code).toBe('sign_in_expired');
    expect(await sessionItem.getValue()).toBeNull();
  });
});
