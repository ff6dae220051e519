import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '#shared/limits.js';
import { createTestApp, type TestApp, type TestUser } from './testing/test-app.js';

let app: TestApp;
let person: TestUser;
let capturesUrl: string;

beforeAll(async () => {
  app = await createTestApp();
  person = await app.signUp();
  capturesUrl = `/api/v1/workspaces/${person.workspaceId}/captures`;
});
afterAll(() => app.close());

const validCapture = () => ({ clientId: randomUUID(), kind: 'page', url: 'https://example.com/' });

describe('bad input gets a 4xx with a sentence a person understands', () => {
  it('malformed JSON: 400 malformed_json', async () => {
    const response = await app.request('POST', capturesUrl, { token: person.token, body: '{"kind": "page",' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('malformed_json');
    expect(response.body.error.message).toMatch(/^The request body is not valid JSON/);
  });

  it('wrong type: 400 validation_failed naming the field', async () => {
    const response = await app.request('POST', capturesUrl, { token: person.token, body: { ...validCapture(), title: 42 } });
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      code: 'validation_failed',
      message: 'Title must be text.',
      fields: [{ path: 'title', message: 'must be text' }],
    });
  });

  it('JSON that is not an object: 400 validation_failed', async () => {
    const response = await app.request('POST', capturesUrl, { token: person.token, body: '"just a string"' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual([{ path: '', message: 'must be an object' }]);
  });

  it('unknown field: 400 validation_failed naming it', async () => {
    const response = await app.request('POST', capturesUrl, { token: person.token, body: { ...validCapture(), page: { ogTitle: 'x', colour: 'red' }, extra: 1 } });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'extra', message: 'is not a field this endpoint accepts' },
        { path: 'page.colour', message: 'is not a field this endpoint accepts' },
      ]),
    );
  });

  it('oversize body: 413 payload_too_large, before the body is parsed', async () => {
    const big = { ...validCapture(), selectionText: 'x'.repeat(LIMITS.jsonBodyBytes) };
    const response = await app.request('POST', capturesUrl, { token: person.token, body: big });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
    expect(response.body.error.message).toContain('100 KB');
  });

  it('oversize chunked body (no Content-Length): 413 too', async () => {
    const chunks = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`{"selectionText":"${'y'.repeat(LIMITS.jsonBodyBytes)}"}`));
        controller.close();
      },
    });
    const response = await fetch(app.url + capturesUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('unknown id: 404 not_found', async () => {
    const response = await app.request('GET', `/api/v1/workspaces/${person.workspaceId}/posts/${randomUUID()}`, { token: person.token });
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({ code: 'not_found', message: 'We could not find that post.' });
  });

  it('wrong content type: 415 unsupported_media_type', async () => {
    const response = await app.request('POST', capturesUrl, {
      token: person.token,
      body: 'kind=page&url=https://example.com',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('unsupported_media_type');
  });

  it('no body where one is needed: 400 validation_failed', async () => {
    const response = await app.request('POST', capturesUrl, { token: person.token });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('This endpoint needs a JSON object in the request body.');
  });

  it('unknown route: 404 route_not_found; known route, other method: 405', async () => {
    const unknown = await app.request('GET', '/api/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('route_not_found');
    const method = await app.request('PUT', '/api/v1/workspaces', { token: person.token });
    expect(method.status).toBe(405);
    expect(method.body.error.code).toBe('method_not_allowed');
    expect(method.headers.get('allow')).toContain('POST');
  });
});

describe('operations', () => {
  it('healthz says the process is alive; readyz that the database is reachable and current', async () => {
    const health = await app.request('GET', '/healthz');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await app.request('GET', '/readyz');
    expect(ready).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('every response carries a request id, and a sane incoming one is kept', async () => {
    const response = await app.request('GET', '/healthz', { headers: { 'x-request-id': 'trace-abc-12345' } });
    expect(response.headers.get('x-request-id')).toBe('trace-abc-12345');
    expect((await app.request('GET', '/healthz')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the access log has method, path and status, never the Authorization header', async () => {
    await app.request('GET', '/api/v1/me', { token: person.token });
    const lines = app.logs.map((line) => JSON.parse(line));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'request', method: 'GET', path: '/api/v1/me', status: 200 }));
    expect(app.logs.join('\n')).not.toContain(person.token);
  });

  it('CORS: the extension reads error responses too (headers kept on 4xx); web pages get no CORS headers', async () => {
    const origin = 'chrome-extension://ejjoaohdmeejfgghdfmlnkdbgkmllanp';
    const rejected = await app.request('GET', '/api/v1/me', { headers: { origin } });
    expect(rejected.status).toBe(401);
    expect(rejected.headers.get('access-control-allow-origin')).toBe(origin);
    expect(rejected.headers.get('access-control-expose-headers')).toContain('Retry-After');
    const preflight = await app.request('OPTIONS', capturesUrl, {
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
    const web = await app.request('GET', '/api/v1/me', { headers: { origin: 'https://evil.example' } });
    expect(web.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('only the configured extension origins when ALLOWED_EXTENSION_ORIGINS is set', async () => {
    const strict = await createTestApp({ config: { allowedExtensionOrigins: ['chrome-extension://ejjoaohdmeejfgghdfmlnkdbgkmllanp'] }, database: app.db });
    try {
      const other = await strict.request('GET', '/healthz', { headers: { origin: 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const ours = await strict.request('GET', '/healthz', { headers: { origin: 'chrome-extension://ejjoaohdmeejfgghdfmlnkdbgkmllanp' } });
      expect(ours.headers.get('access-control-allow-origin')).toBe('chrome-extension://ejjoaohdmeejfgghdfmlnkdbgkmllanp');
    } finally {
      await strict.close();
    }
  });
});

describe('when the database is gone', () => {
  it('a 5xx shows no internals (only a reference), the log has the error with the request id; readyz says 503', async () => {
    const broken = await createTestApp();
    const someone = await broken.signUp();
    await broken.db.knex.destroy();
    try {
      const response = await broken.request('GET', '/api/v1/me', { token: someone.token, headers: { origin: 'moz-extension://0d9b8f5e-1c1e-4b6e-9d3a-2b8c4a1e7f00' } });
      expect(response.status).toBe(500);
      const requestId = response.headers.get('x-request-id')!;
      expect(response.body).toEqual({
        error: { code: 'internal_error', message: `Something went wrong on our side. Please try again. (Reference: ${requestId})` },
      });
      expect(response.text).not.toMatch(/knex|pool|stack|at .*\.ts|sql|select/i);
      expect(response.headers.get('access-control-allow-origin')).toBe('moz-extension://0d9b8f5e-1c1e-4b6e-9d3a-2b8c4a1e7f00');
      const logged = broken.logs.map((line) => JSON.parse(line)).find((line) => line.msg === 'unhandled error');
      expect(logged).toMatchObject({ level: 'error', requestId, error: { message: expect.any(String), stack: expect.any(String) } });
      const ready = await broken.request('GET', '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.error).toEqual({ code: 'service_unavailable', message: 'The database is not reachable.' });
      expect((await broken.request('GET', '/healthz')).status).toBe(200);
    } finally {
      await broken.close().catch(() => {});
    }
  });
});

describe('behind a proxy (TRUST_PROXY)', () => {
  it('takes the client IP from the entry the proxy added, not one the client wrote', async () => {
    const person = await app.signUp();
    await app.request('POST', '/api/v1/auth/log-in', {
      body: { email: person.email, password: person.password, client: 'proxy test' },
      headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.50' },
    });
    const session = await app.db.knex('sessions').where({ userId: person.user.id, client: 'proxy test' }).first();
    expect(session.ip).toBe('203.0.113.50');
  });
});
