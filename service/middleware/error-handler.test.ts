import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

let app: TestApp;
let person: TestUser;
let base: string;

beforeAll(async () => {
  app = await createTestApp();
  person = await app.signUp();
  base = `/api/v1/workspaces/${person.workspaceId}`;
});
afterAll(() => app.close());

const GERMAN = { 'accept-language': 'de-DE,de;q=0.9' };
const badCapture = () => ({ clientId: randomUUID(), kind: 'page', url: 'https://example.com/', title: 42 });

describe('errors answer in the language the request asks for', () => {
  it('the same bad request: German with Accept-Language de, English without', async () => {
    const german = await app.request('POST', `${base}/captures`, { token: person.token, body: badCapture(), headers: GERMAN });
    expect(german.status).toBe(400);
    expect(german.body.error).toEqual({
      code: 'validation_failed',
      message: 'Title muss Text sein.',
      fields: [{ path: 'title', message: 'muss Text sein' }],
    });
    expect(german.headers.get('vary')).toMatch(/Accept-Language/i);

    const english = await app.request('POST', `${base}/captures`, { token: person.token, body: badCapture() });
    expect(english.body.error).toEqual({ code: 'validation_failed', message: 'Title must be text.', fields: [{ path: 'title', message: 'must be text' }] });
    // A language we do not speak, or German refused, is English.
    const french = await app.request('POST', `${base}/captures`, { token: person.token, body: badCapture(), headers: { 'accept-language': 'fr-FR, de;q=0' } });
    expect(french.body.error.message).toBe('Title must be text.');
  });

  it('schema messages and default sentences too', async () => {
    const invalid = await app.request('POST', '/api/v1/auth/log-in', { body: { email: 'not-an-email', password: 'x' }, headers: GERMAN });
    expect(invalid.body.error.fields).toEqual([{ path: 'email', message: 'muss eine E-Mail-Adresse wie name@example.com sein' }]);
    const nowhere = await app.request('GET', '/api/v1/no-such-thing', { headers: GERMAN });
    expect(nowhere.body.error).toEqual({ code: 'route_not_found', message: 'Diesen Endpunkt gibt es nicht.' });
    const unauthenticated = await app.request('GET', '/api/v1/me', { headers: { 'accept-language': 'en;q=0.5, de' } });
    expect(unauthenticated.body.error.message).toBe('Bitte melden Sie sich an, um fortzufahren.');
  });

  it('content rules in German, numbers written the German way', async () => {
    const [post] = await app.db.knex('posts').insert({ workspaceId: person.workspaceId, createdBy: person.user.id, title: 'Launch', body: 'a'.repeat(3_001) }).returning('id');
    const [account] = await app.db.knex('connectedAccounts')
      .insert({ workspaceId: person.workspaceId, platform: 'linkedin', kind: 'profile', remoteId: randomUUID(), name: 'Ada', status: 'active' })
      .returning('id');
    const put = (headers: Record<string, string> = {}) =>
      app.request('PUT', `${base}/posts/${post.id}/targets`, { token: person.token, body: { targets: [{ accountId: account.id }] }, headers });
    const german = await put(GERMAN);
    expect(german.status).toBe(422);
    expect(german.body.error).toEqual({
      code: 'content_invalid',
      message: 'LinkedIn-Konto „Ada“: LinkedIn erlaubt 3.000 Zeichen: Dieser Text hat 3.001 von 3.000.',
      fields: [{ path: 'targets.0.text', message: 'LinkedIn erlaubt 3.000 Zeichen: Dieser Text hat 3.001 von 3.000.', rule: 'text_too_long' }],
    });
    expect((await put()).body.error.message).toBe('LinkedIn account “Ada”: LinkedIn allows 3,000 characters: this text is 3,001 of 3,000.');
  });
});
