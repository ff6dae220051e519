import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { installMissingApis } from '../../testing/fake-apis.js';
import { errorBody, startFakeService, type FakeService, type ReceivedRequest } from '../../testing/fake-service.js';
import { captureResult, me, OTHER_WORKSPACE_ID, signedIn, WORKSPACE_ID } from '../../testing/fixtures.js';
import { toUiError } from '../errors.js';
import { offlineQueueItem, popupWorkspaceIdItem, serviceUrlItem, sessionItem } from '../storage.js';
import { isExtensionPage, registerMessageHandlers } from './handlers.js';
import { sendMessage } from './protocol.js';
import { resetExtension } from '../../testing/reset-extension.js';

const legal = {
  terms: { kind: 'terms', version: '2025-01', title: 'Terms of Service', lastUpdated: '2025-01-01', url: '/legal/terms/2025-01' },
  privacy: { kind: 'privacy', version: '2025-02', title: 'Privacy Policy', lastUpdated: '2025-02-01', url: '/legal/privacy/2025-02' },
};
const workspaces = {
  items: [
    { id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner', createdAt: me.createdAt },
    { id: OTHER_WORKSPACE_ID, name: 'Team', role: 'editor', createdAt: me.createdAt },
  ],
};

/** A small stand-in of the service's routes the pages use. */
function routes(request: ReceivedRequest) {
  const route = `${request.method} ${request.path}`;
  if (route === 'GET /api/v1/legal') return { status: 200, json: legal };
  if (route === 'POST /api/v1/auth/sign-up') return { status: 201, json: { token: 'new-token', expiresAt: '2099-01-01T00:00:00Z', user: me } };
  if (route === 'POST /api/v1/auth/log-in') return { status: 200, json: { token: 'login-token', expiresAt: '2099-01-01T00:00:00Z', user: me } };
  if (route === 'POST /api/v1/auth/log-out') return { status: 204 };
  if (route === 'GET /api/v1/me') return { status: 200, json: me };
  if (route === 'PATCH /api/v1/me') return { status: 200, json: { ...me, ...(request.body as object) } };
  if (route === 'GET /api/v1/workspaces') return { status: 200, json: workspaces };
  if (request.path.endsWith('/captures')) return { status: 201, json: captureResult() };
  return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
}

let service: FakeService;
let apis: ReturnType<typeof installMissingApis>;
beforeAll(async () => {
  service = await startFakeService(routes);
});
afterAll(() => service.close());
beforeEach(async () => {
  apis = resetExtension(service);
  service.answer = routes;
  await serviceUrlItem.setValue(service.url);
  registerMessageHandlers();
});

/** What a page gets when a message fails, read the way pages read it. */
async function uiFailure(promise: Promise<unknown>) {
  return promise.then(() => expect.unreachable('expected the message to fail'), toUiError);
}

const signUpRequest = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  password: 'correct horse battery',
  ageConfirmed: true,
  acceptedLegalVersions: { terms: '2025-01', privacy: '2025-02' },
};

describe('account messages', () => {
  it('getLegalDocuments answers the current versions with absolute links', async () => {
    const documents = await sendMessage('getLegalDocuments');
    expect(documents.terms).toMatchObject({ version: '2025-01', url: `${service.url}/legal/terms/2025-01` });
    expect(documents.privacy.url).toBe(`${service.url}/legal/privacy/2025-02`);
  });

  it('signUp sends both consents and the accepted versions, then shows the person signed in', async () => {
    const state = await sendMessage('signUp', signUpRequest);
    const request = service.requests.find((received) => received.path === '/api/v1/auth/sign-up');
    expect(request?.body).toEqual({ ...signUpRequest, client: 'Minopa for Chrome' });
    expect(state).toMatchObject({
      user: { firstName: 'Ada', email: 'ada@example.com' },
      defaultWorkspaceId: WORKSPACE_ID,
      workspaces: [{ id: WORKSPACE_ID }, { id: OTHER_WORKSPACE_ID }],
      serviceReachable: true,
    });
    // The token stays in the background's storage; no page ever receives it.
    expect(JSON.stringify(state)).not.toContain('new-token');
    expect((await sessionItem.getValue())?.token).toBe('new-token');
  });

  it('signUp without the two consents fails per field before anything is sent', async () => {
    const error = await uiFailure(sendMessage('signUp', { ...signUpRequest, ageConfirmed: false, acceptedLegalVersions: null }));
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.map((field) => field.path)).toEqual(['ageConfirmed', 'acceptedLegalVersions']);
    expect(service.requests).toHaveLength(0);
  });

  it('a refusal crosses the message boundary with code, message and fields', async () => {
    const fields = [{ path: 'password', message: 'must be at least 10 characters' }];
    service.answer = () => ({ status: 400, json: errorBody('validation_failed', 'Some fields are missing or not valid.', fields) });
    const error = await uiFailure(sendMessage('signUp', { ...signUpRequest, password: 'short' }));
    expect(error).toEqual({ code: 'validation_failed', message: 'Some fields are missing or not valid.', fields });
  });

  it('signIn reports wrong credentials with the service’s sentence', async () => {
    service.answer = () => ({ status: 401, json: errorBody('invalid_credentials', 'That email and password do not match an account.') });
    const error = await uiFailure(sendMessage('signIn', { email: 'ada@example.com', password: 'nope' }));
    expect(error).toEqual({ code: 'invalid_credentials', message: 'That email and password do not match an account.' });
  });

  it('signIn, setDefaultWorkspace and signOut', async () => {
    expect((await sendMessage('signIn', { email: 'ada@example.com', password: 'x' })).user?.email).toBe('ada@example.com');
    const chosen = await sendMessage('setDefaultWorkspace', { workspaceId: OTHER_WORKSPACE_ID });
    expect(chosen.defaultWorkspaceId).toBe(OTHER_WORKSPACE_ID);
    expect(service.requests.find((request) => request.method === 'PATCH')?.body).toEqual({ defaultWorkspaceId: OTHER_WORKSPACE_ID });

    const out = await sendMessage('signOut');
    expect(out.user).toBeNull();
    expect(service.requests.some((request) => request.path === '/api/v1/auth/log-out')).toBe(true);
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('signOut works while the service is down', async () => {
    await signedIn(service.url);
    service.answer = () => ({ status: 503, json: errorBody('service_unavailable', 'Not ready.') });
    expect((await sendMessage('signOut')).user).toBeNull();
  });

  it('getState with refresh notices a service that is down and keeps the cached workspaces', async () => {
    await signedIn(service.url);
    service.answer = () => ({ status: 503, json: errorBody('service_unavailable', 'Not ready.') });
    const state = await sendMessage('getState', { refresh: true });
    expect(state.serviceReachable).toBe(false);
    expect(state.workspaces).toHaveLength(2);
  });

  it('setServiceUrl checks the address, and a new address signs out', async () => {
    await signedIn(service.url);
    const error = await uiFailure(sendMessage('setServiceUrl', { url: 'ftp://example.com' }));
    expect(error).toMatchObject({ code: 'invalid_service_url', fields: [{ path: 'serviceUrl' }] });
    expect((await sendMessage('getState', {})).user).not.toBeNull();

    const state = await sendMessage('setServiceUrl', { url: 'https://minopa.example.com/' });
    expect(state).toMatchObject({ serviceUrl: 'https://minopa.example.com', user: null });
  });
});

describe('popup messages', () => {
  beforeEach(() => signedIn(service.url));

  it('saveDraft saves a page capture with the person’s text and remembers the workspace', async () => {
    const result = await sendMessage('saveDraft', {
      workspaceId: OTHER_WORKSPACE_ID,
      url: 'https://example.com/a',
      pageTitle: 'Page title',
      selectionText: 'a quote',
      page: { ogTitle: 'OG title' },
      draft: { title: 'My title', body: 'My text' },
    });
    expect(result).toEqual({ status: 'saved', workspaceName: 'Team', postId: expect.any(String), duplicate: false });
    const request = service.requests.find((received) => received.path.endsWith('/captures'));
    expect(request?.path).toBe(`/api/v1/workspaces/${OTHER_WORKSPACE_ID}/captures`);
    expect(request?.body).toMatchObject({
      kind: 'page',
      url: 'https://example.com/a',
      title: 'Page title',
      selectionText: 'a quote',
      page: { ogTitle: 'OG title' },
      draft: { title: 'My title', body: 'My text' },
    });
    expect(await popupWorkspaceIdItem.getValue()).toBe(OTHER_WORKSPACE_ID);
    expect((await sendMessage('getState', {})).popupWorkspaceId).toBe(OTHER_WORKSPACE_ID);
  });

  it('saveDraft keeps the draft in the offline queue when the service is down', async () => {
    service.answer = () => ({ status: 500, json: errorBody('internal_error', 'Something went wrong on our side.') });
    const result = await sendMessage('saveDraft', { workspaceId: WORKSPACE_ID, url: 'https://example.com/a', draft: { body: 'text' } });
    expect(result).toEqual({ status: 'queued', workspaceName: 'Ada’s workspace' });
    expect(await offlineQueueItem.getValue()).toHaveLength(1);
    expect((await sendMessage('getState', {})).queuedCount).toBe(1);
  });

  it('saveDraft refuses an address that is not a web page, per field, even offline', async () => {
    const error = await uiFailure(sendMessage('saveDraft', { workspaceId: WORKSPACE_ID, url: 'not a link', draft: {} }));
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.[0]?.path).toBe('url');
    expect(service.requests).toHaveLength(0);
  });

  it('getTabContext reads the given tab', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/story' });
    apis.scripting.executeScript.mockResolvedValueOnce([
      { result: { url: 'https://example.com/story', title: 'Story', selectionText: 'picked', canonicalUrl: null, ogTitle: 'OG', ogDescription: null, ogImage: null, siteName: null, author: null, linkText: null, imageAlt: null } },
    ]);
    const context = await sendMessage('getTabContext', { tabId: tab.id });
    expect(context).toEqual({ tabId: tab.id, url: 'https://example.com/story', title: 'Story', selectionText: 'picked', page: { ogTitle: 'OG' } });
  });

  it('getTabContext gives an empty context for a page that is not a web page', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome-extension://test-extension-id/popup.html' });
    const context = await sendMessage('getTabContext', { tabId: tab.id });
    expect(context).toEqual({ tabId: tab.id, url: '', title: '', selectionText: '' });
  });

  it('flushOfflineQueue and openOptionsPage', async () => {
    expect(await sendMessage('flushOfflineQueue')).toEqual({ delivered: 0, rejected: 0, remaining: 0, stoppedBecause: null });
    await sendMessage('openOptionsPage');
    expect(apis.openOptionsPage).toHaveBeenCalled();
  });
});

describe('isExtensionPage', () => {
  const page = (sender: Partial<Browser.runtime.MessageSender>) => isExtensionPage(sender as Browser.runtime.MessageSender);
  it('accepts the extension’s pages, also when opened as a tab', () => {
    expect(page({ id: fakeBrowser.runtime.id, url: 'chrome-extension://test-extension-id/options.html' })).toBe(true);
    expect(page({ id: fakeBrowser.runtime.id, url: 'chrome-extension://test-extension-id/popup.html', tab: { id: 1 } as Browser.tabs.Tab })).toBe(true);
  });
  it('refuses web pages and other extensions', () => {
    expect(page({ id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 1 } as Browser.tabs.Tab })).toBe(false);
    expect(page({ id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toBe(false);
    expect(page({ tab: { id: 1 } as Browser.tabs.Tab })).toBe(false);
  });
});
