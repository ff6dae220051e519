import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

let app: TestApp;
let person: TestUser;

beforeAll(async () => {
  app = await createTestApp();
  person = await app.signUp();
});
afterAll(() => app.close());

// Found by the fuzz run (service/fuzz): PostgreSQL refuses U+0000 in text and JSON, and lone surrogates in JSON, so these were 500s.
describe('text PostgreSQL cannot store as sent', () => {
  it('is refused with validation_failed at its field, and nothing is stored', async () => {
    const response = await app.request('PATCH', '/api/v1/me', { token: person.token, body: { firstName: 'Ada\u0000' } });
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      code: 'validation_failed',
      message: 'FirstName must not contain the NUL character (U+0000).',
      fields: [{ path: 'firstName', message: 'must not contain the NUL character (U+0000)' }],
    });
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).body.firstName).toBe('Ada');
  });

  it('is found in nested fields of a body and answered in the request language', async () => {
    const response = await app.request('POST', `/api/v1/workspaces/${person.workspaceId}/captures`, {
      token: person.token,
      headers: { 'accept-language': 'de' },
      body: { clientId: randomUUID(), kind: 'page', url: 'https://example.com/a', draft: { title: 'a\u0000b' } },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual([{ path: 'draft.title', message: 'darf das NUL-Zeichen (U+0000) nicht enthalten' }]);
  });

  it('half of a surrogate pair (text cut inside an emoji) is stored as U+FFFD, in text and in JSON columns alike', async () => {
    // PATCH workspace writes the name to the workspace and to the audit log's JSON details (that write was the 500).
    const response = await app.request('PATCH', `/api/v1/workspaces/${person.workspaceId}`, { token: person.token, body: '{"name":"Team \\ud83c"}' });
    expect(response.status).toBe(200);
    expect(response.body.name).toBe('Team \uFFFD');
    const audit = await app.request('GET', `/api/v1/workspaces/${person.workspaceId}/audit-events`, { token: person.token });
    expect(JSON.stringify(audit.body)).toContain('Team \uFFFD');
  });

  it('leaves other unusual text alone: control characters and emoji are stored as sent', async () => {
    const response = await app.request('POST', '/api/v1/workspaces', { token: person.token, body: { name: 'Tab\there 🏳️‍🌈' } });
    expect(response.status).toBe(201);
    expect(response.body.name).toBe('Tab\there 🏳️‍🌈');
  });
});
