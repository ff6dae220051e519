import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureResult, me, pageCapture, signedIn, WORKSPACE_ID } from '../testing/fixtures.js';
import { errorBody, startFakeService, type FakeService } from '../testing/fake-service.js';
import { buildPath, buildQuery, call } from './api-client.js';
import { ApiError, ServiceUnreachableError } from './errors.js';
import { serviceUrlItem, sessionItem, workspacesItem } from './storage.js';

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(() => service.close());
beforeEach(async () => {
  fakeBrowser.reset();
  service.requests.length = 0;
  await signedIn(service.url);
});

/** Runs `promise` and returns what it threw. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected the call to fail'),
    (error: unknown) => error,
  );
}

describe('call', () => {
  it('fills path parameters, sends JSON with the bearer token, and returns the typed response', async () => {
    service.answer = () => ({ status: 201, json: captureResult() });
    const capture = pageCapture();
    const result = await call('createCapture', { params: { workspaceId: WORKSPACE_ID }, body: capture });

    expect(result.post.workspaceId).toBe(WORKSPACE_ID);
    expect(result.duplicate).toBe(false);
    const [request] = service.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/api/v1/workspaces/${WORKSPACE_ID}/captures`);
    expect(request?.headers.authorization).toBe('Bearer test-token');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual(capture);
  });

  it('asks for answers in the extension’s language (Accept-Language), following a change made in a page', async () => {
    service.answer = () => ({ status: 200, json: me });
    await call('getMe');
    expect(service.requests[0]?.headers['accept-language']).toBe('en');
    await fakeBrowser.storage.local.set({ locale: 'de' });
    await call('getMe');
    expect(service.requests[1]?.headers['accept-language']).toBe('de');
    // With no session, the extension's own refusal is in that language too.
    await sessionItem.removeValue();
    expect(await failure(call('getMe'))).toMatchObject({ code: 'unauthenticated', message: 'Bitte melden Sie sich an, um fortzufahren.' });
  });

  it('sends no token to endpoints that need none', async () => {
    service.answer = () => ({ status: 200, json: { token: 't', expiresAt: '2099-01-01T00:00:00Z', user: me } });
    await call('logIn', { body: { email: 'ada@example.com', password: 'secret' } });
    expect(service.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('answers undefined for 204', async () => {
    service.answer = () => ({ status: 204 });
    await expect(call('logOut')).resolves.toBeUndefined();
  });

  it('refuses to call a session endpoint without a session, without sending anything', async () => {
    await sessionItem.removeValue();
    const error = await failure(call('getMe'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(service.requests).toHaveLength(0);
  });
});

describe('error classification', () => {
  it('turns a 4xx with an error body into ApiError with code, message, fields and status', async () => {
    const fields = [{ path: 'url', message: 'must be a web address starting with http:// or https://' }];
    service.answer = () => ({ status: 400, json: errorBody('validation_failed', 'Some fields are missing or not valid.', fields) });
    const error = await failure(call('createCapture', { params: { workspaceId: WORKSPACE_ID }, body: pageCapture() }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'validation_failed', status: 400, fields, message: 'Some fields are missing or not valid.' });
    expect((error as ApiError).retryable).toBe(false);
  });

  it('marks 429 as retryable: a rate limit is not a refusal', async () => {
    service.answer = () => ({ status: 429, json: errorBody('rate_limited', 'Too many attempts.') });
    const error = await failure(call('getMe'));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).retryable).toBe(true);
  });

  it('forgets the session when the service says it has ended', async () => {
    service.answer = () => ({ status: 401, json: errorBody('session_expired', 'Your session has ended. Please sign in again.') });
    const error = await failure(call('listWorkspaces'));
    expect(error).toMatchObject({ code: 'session_expired', signedOut: true });
    expect(await sessionItem.getValue()).toBeNull();
    expect(await workspacesItem.getValue()).toEqual([]);
  });

  it('keeps the session when a sign-in is refused', async () => {
    service.answer = () => ({ status: 401, json: errorBody('invalid_credentials', 'That email and password do not match an account.') });
    await failure(call('logIn', { body: { email: 'ada@example.com', password: 'wrong' } }));
    expect(await sessionItem.getValue()).not.toBeNull();
  });

  it.each([500, 502, 503])('reports %i as the service being unreachable', async (status) => {
    service.answer = () => ({ status, json: errorBody('internal_error', 'Something went wrong on our side. Please try again.') });
    const error = await failure(call('getMe'));
    expect(error).toBeInstanceOf(ServiceUnreachableError);
    expect(error).toMatchObject({ code: 'service_unreachable', status });
  });

  it('reports a 4xx that is not from Minopa (wrong address) as unreachable, not as a refusal', async () => {
    service.answer = () => ({ status: 404, text: '<h1>Not found</h1>', contentType: 'text/html' });
    const error = await failure(call('getMe'));
    expect(error).toBeInstanceOf(ServiceUnreachableError);
    expect((error as Error).message).toMatch(/did not answer like a Minopa service/);
  });

  it('reports a network failure as unreachable', async () => {
    const closed = await startFakeService();
    await closed.close();
    await serviceUrlItem.setValue(closed.url);
    const error = await failure(call('getMe'));
    expect(error).toBeInstanceOf(ServiceUnreachableError);
    expect((error as Error).message).toBe(`Cannot reach the Minopa service at ${closed.url}.`);
  });

  it('reports a timeout as unreachable', async () => {
    service.answer = () => 'hang';
    const error = await failure(call('getMe', undefined, { timeoutMs: 150 }));
    expect(error).toBeInstanceOf(ServiceUnreachableError);
    expect((error as Error).message).toMatch(/did not answer within/);
  });
});

describe('request building', () => {
  it('encodes path parameters and refuses missing ones', () => {
    expect(buildPath('/api/v1/workspaces/:workspaceId/posts/:postId', { workspaceId: 'a/b', postId: 'c' })).toBe(
      '/api/v1/workspaces/a%2Fb/posts/c',
    );
    expect(() => buildPath('/api/v1/workspaces/:workspaceId', {})).toThrow(/workspaceId/);
  });

  it('builds a query string from defined values only', () => {
    expect(buildQuery({ limit: 20, cursor: undefined, status: 'draft' })).toBe('?limit=20&status=draft');
    expect(buildQuery(undefined)).toBe('');
  });
});
