import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailAllowed } from '../email/preferences.js';
import { JOBS } from '../jobs/schedule.js';
import { createLogger } from '../logger.js';
import { emailsTo } from '../testing/account-emails.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ config: { privacyContactEmail: 'privacy@minopa.example' } });
});
afterAll(() => app?.close());

const rights = (person: TestUser) => app.request('GET', '/api/v1/me/privacy', { token: person.token });
const change = (person: TestUser, body: unknown) => app.request('PATCH', '/api/v1/me/privacy', { token: person.token, body });
const allowAnalytics = (person: TestUser) =>
  app.request('PUT', '/api/v1/me/consent', { token: person.token, body: { choices: { functional: false, analytics: true, marketing: false, errorReports: false } } });
const usage = (person: TestUser) =>
  app.request('POST', '/api/v1/me/usage-events', { token: person.token, body: { events: [{ name: 'popup.opened', sessionId: randomUUID(), occurredAt: new Date().toISOString(), client: 'popup' }] } });

describe('objection, restriction and requests (P29, P30)', () => {
  it('P29: objecting to usage statistics stops them at once, even with analytics consent; lifting it resumes', async () => {
    const person = await app.signUp();
    await allowAnalytics(person);
    expect((await usage(person)).body.recorded).toBe(1);
    const objected = await change(person, { objectToUsageStatistics: true });
    expect(objected.body).toMatchObject({ objectsToUsageStatistics: true, objectsToMarketing: false, restrictedAt: null });
    expect((await usage(person)).body.recorded).toBe(0);
    await change(person, { objectToUsageStatistics: false });
    expect((await usage(person)).body.recorded).toBe(1);
  });

  it('P29: objecting to marketing stops newsletter, marketing and product-update emails at once; service emails still go', async () => {
    const person = await app.signUp();
    expect((await app.request('PATCH', '/api/v1/me/email-preferences', { token: person.token, body: { kinds: { newsletter: true, marketing: true } } })).status).toBe(200);
    const allowed = (kind: 'newsletter' | 'marketing' | 'product-updates' | 'post-failed') => emailAllowed(app.db.knex, { email: person.email, userId: person.user.id, kind });
    expect([await allowed('newsletter'), await allowed('marketing'), await allowed('product-updates')]).toEqual([true, true, true]);
    await change(person, { objectToMarketing: true });
    expect([await allowed('newsletter'), await allowed('marketing'), await allowed('product-updates'), await allowed('post-failed')]).toEqual([false, false, false, true]);
    await change(person, { objectToMarketing: false });
    expect(await allowed('newsletter')).toBe(true);
  });

  it('P29, P30: restricting processing stops usage statistics and records a request for the operator, due in 30 days', async () => {
    const person = await app.signUp();
    await allowAnalytics(person);
    const restricted = await change(person, { restrictProcessing: true });
    expect(restricted.body.restrictedAt).toEqual(expect.any(String));
    const [request] = restricted.body.requests;
    expect(request).toMatchObject({ kind: 'restriction', resolvedAt: null });
    expect(new Date(request.dueAt).getTime() - new Date(request.receivedAt).getTime()).toBe(30 * 86_400_000);
    expect((await usage(person)).body.recorded).toBe(0);
    // Restricting again records nothing new.
    expect((await change(person, { restrictProcessing: true })).body.requests).toHaveLength(1);
  });

  it('P30: a request is recorded with its 30-day deadline; one past it alerts the privacy contact once', async () => {
    const person = await app.signUp();
    const created = await app.request('POST', '/api/v1/me/privacy-requests', { token: person.token, body: { kind: 'erasure', details: 'Please delete the post I published on 3 March.' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'erasure', details: 'Please delete the post I published on 3 March.', resolvedAt: null });
    expect((await rights(person)).body.requests.map((one: { id: string }) => one.id)).toEqual([created.body.id]);

    await app.db.knex('privacyRequests').where({ id: created.body.id }).update({ receivedAt: new Date(Date.now() - 31 * 86_400_000), dueAt: new Date(Date.now() - 86_400_000) });
    const lines: string[] = [];
    const job = JOBS.find((one) => one.name === 'alert-overdue-privacy-requests')!;
    const deps = { knex: app.db.knex, config: app.config, storage: app.storage, logger: createLogger({ level: 'info', write: (line) => lines.push(line) }) };
    await job.run(deps);
    await job.run(deps);
    expect(lines.filter((line) => line.includes('privacy request overdue') && line.includes(created.body.id))).toHaveLength(1);
    const alerts = (await emailsTo(app, 'privacy@minopa.example', 'privacy-request-overdue')).filter((email) => email.data.requestId === created.body.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.data).toMatchObject({ kind: 'erasure', requesterEmail: person.email });
  });

  it('refuses an empty change, an unknown kind and an empty request, naming the field', async () => {
    const person = await app.signUp();
    expect((await change(person, {})).status).toBe(400);
    const unknown = await app.request('POST', '/api/v1/me/privacy-requests', { token: person.token, body: { kind: 'vibes', details: 'x' } });
    expect(unknown.body.error.fields[0].path).toBe('kind');
    const empty = await app.request('POST', '/api/v1/me/privacy-requests', { token: person.token, body: { kind: 'other', details: '   ' } });
    expect(empty.body.error.fields).toEqual([{ path: 'details', message: 'must say what you ask for' }]);
  });
});
