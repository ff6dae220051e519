import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSentryServer, type SentryServer } from '../../test/sentry-server.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { createErrorReporter, type ErrorReporter } from './error-reporting.js';

let sentry: SentryServer;
let reporter: ErrorReporter;
let app: TestApp;
let person: TestUser;

beforeAll(async () => {
  sentry = await startSentryServer();
  reporter = createErrorReporter({ dsn: sentry.dsn('7'), environment: 'test' });
  // Tables of its own: the test breaks one of them.
  app = await createTestApp({ isolated: true, errorReporter: reporter });
  person = await app.signUp();
});
afterAll(async () => {
  await app?.close();
  await reporter?.close();
  await sentry?.close();
});

describe('service error reports (P8, P13)', () => {
  it('P8, P13: an unexpected error is answered with a reference and reported to Sentry with the request id, route pattern and user id only', async () => {
    await app.db.knex.raw('alter table consent_records rename to consent_records_gone');
    try {
      const response = await app.request('GET', '/api/v1/me/consent?utm_source=secret-query', { token: person.token });
      expect(response.status).toBe(500);
      expect(response.body.error.code).toBe('internal_error');
      const requestId = response.headers.get('x-request-id')!;
      expect(response.body.error.message).toContain(requestId);

      const [event] = await sentry.waitForEvents(1);
      expect(sentry.envelopes[0]!.projectId).toBe('7');
      expect(event!.tags).toMatchObject({ requestId, route: '/api/v1/me/consent', method: 'GET' });
      expect(event!.user).toEqual({ id: person.user.id });
      expect(event!.environment).toBe('test');
      expect(event!.exception).toMatchObject({ values: [expect.objectContaining({ value: expect.stringContaining('consent_records') })] });
      const text = JSON.stringify(sentry.envelopes);
      for (const secret of [person.email, person.token, person.user.firstName, 'secret-query', '127.0.0.1"']) expect(text).not.toContain(secret);
    } finally {
      await app.db.knex.raw('alter table consent_records_gone rename to consent_records');
    }
  });

  it('expected errors (bad input, not signed in, not found) are not reported', async () => {
    const before = sentry.events().length;
    await app.request('PUT', '/api/v1/me/consent', { token: person.token, body: { choices: {} } });
    await app.request('GET', '/api/v1/me');
    await app.request('GET', '/api/v1/no-such-route');
    await reporter.flush();
    expect(sentry.events()).toHaveLength(before);
  });
});
