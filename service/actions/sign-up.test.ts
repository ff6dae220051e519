import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentLegalDocuments } from '#shared/api/legal.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
let legal: CurrentLegalDocuments;

beforeAll(async () => {
  app = await createTestApp();
  legal = (await app.request<CurrentLegalDocuments>('GET', '/api/v1/legal')).body;
});
afterAll(() => app.close());

const valid = () => ({
  firstName: 'Grace',
  lastName: 'Hopper',
  email: `grace-${crypto.randomUUID()}@Example.com`,
  password: 'a long enough password',
  ageConfirmed: true,
  acceptedLegalVersions: { terms: legal.terms.version, privacy: legal.privacy.version },
  client: 'Minopa for Chrome',
});

describe('sign-up', () => {
  it('creates the account, a personal workspace it owns (its default) and a working session', async () => {
    const input = valid();
    const response = await app.request('POST', '/api/v1/auth/sign-up', { body: input, headers: { 'user-agent': 'TestBrowser/1.0' } });
    expect(response.status).toBe(201);
    const { token, user, expiresAt } = response.body;
    expect(token).toMatch(/^mns_/);
    expect(user).toMatchObject({ firstName: 'Grace', lastName: 'Hopper', email: input.email.toLowerCase(), emailVerified: false });
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(29.9 * 24 * 3600_000);

    const workspaces = await app.request('GET', '/api/v1/workspaces', { token });
    expect(workspaces.body.items).toEqual([
      expect.objectContaining({ id: user.defaultWorkspaceId, name: "Grace's workspace", role: 'owner' }),
    ]);
    const me = await app.request('GET', '/api/v1/me', { token });
    expect(me.body).toEqual(user);
  });

  it('P31: refuses a sign-up without confirming the age of 18 or more', async () => {
    for (const ageConfirmed of [false, undefined, 'yes']) {
      const response = await app.request('POST', '/api/v1/auth/sign-up', { body: { ...valid(), ageConfirmed } });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.fields).toEqual([{ path: 'ageConfirmed', message: 'you must confirm that you are 18 or older' }]);
    }
    const count = await app.db.knex('users').where('ageConfirmedAt', null).count({ n: '*' });
    expect(Number(count[0]!.n)).toBe(0);
  });

  it.each([
    ['firstName', '', 'must not be empty'],
    ['firstName', '   ', 'must not be empty'],
    ['lastName', 'x'.repeat(101), 'must be at most 100 characters'],
    ['email', 'not-an-email', 'must be an email address like name@example.com'],
    ['password', 'short', 'must be at least 10 characters'],
    ['password', 12345678901, 'must be text'],
    ['acceptedLegalVersions', undefined, 'is required'],
  ])('says what is wrong with %s = %j', async (field, value, message) => {
    const response = await app.request('POST', '/api/v1/auth/sign-up', { body: { ...valid(), [field]: value } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.fields).toContainEqual({ path: field, message });
    expect(response.body.error.message).toContain(message);
  });

  it('409 legal_version_outdated when the accepted versions are not the current ones', async () => {
    for (const versions of [
      { terms: 'old', privacy: legal.privacy.version },
      { terms: legal.terms.version, privacy: '0.1' },
    ]) {
      const response = await app.request('POST', '/api/v1/auth/sign-up', { body: { ...valid(), acceptedLegalVersions: versions } });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('legal_version_outdated');
    }
  });

  it('409 email_taken for an email that has an account, whatever its case', async () => {
    const first = valid();
    expect((await app.request('POST', '/api/v1/auth/sign-up', { body: first })).status).toBe(201);
    const again = await app.request('POST', '/api/v1/auth/sign-up', { body: { ...valid(), email: first.email.toUpperCase() } });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: 'email_taken', message: expect.stringContaining('already exists') });
  });

  it('P12: records the acceptance of each document with its version, time, IP and user agent', async () => {
    const before = Date.now();
    const response = await app.request('POST', '/api/v1/auth/sign-up', {
      body: valid(),
      headers: { 'user-agent': 'Mozilla/5.0 (P12 test)', 'x-forwarded-for': '203.0.113.7' },
    });
    const rows = await app.db
      .knex('legal_acceptances as a')
      .join('legal_documents as d', 'd.id', 'a.documentId')
      .where('a.userId', response.body.user.id)
      .select('d.kind', 'd.version', 'a.acceptedAt', 'a.ip', 'a.userAgent')
      .orderBy('d.kind');
    expect(rows).toEqual([
      { kind: 'privacy', version: legal.privacy.version, acceptedAt: expect.any(Date), ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (P12 test)' },
      { kind: 'terms', version: legal.terms.version, acceptedAt: expect.any(Date), ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (P12 test)' },
    ]);
    expect(rows[0].acceptedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('P1: stores the password only as an argon2id hash, and never returns or logs it', async () => {
    const input = { ...valid(), password: 'Unmistakable-Password-42' };
    const response = await app.request('POST', '/api/v1/auth/sign-up', { body: input });
    const row = await app.db.knex('users').where('id', response.body.user.id).first();
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain(input.password);
    expect(response.text).not.toContain(input.password);
    expect(response.text).not.toContain('argon2');
    await app.request('POST', '/api/v1/auth/log-in', { body: { email: input.email, password: input.password } });
    await app.request('POST', '/api/v1/auth/log-in', { body: { email: input.email, password: `${input.password}!` } });
    expect(app.logs.length).toBeGreaterThan(0);
    expect(app.logs.join('\n')).not.toContain('Unmistakable-Password-42');
    expect(app.logs.join('\n')).not.toContain(response.body.token);
  });
});
