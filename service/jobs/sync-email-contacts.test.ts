import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { removeEmailContact } from '../email/contacts.js';
import { signUnsubscribeToken } from '../email/unsubscribe-token.js';
import { createLogger } from '../logger.js';
import { startResendSandbox, type ResendSandbox } from '../sandbox/resend/server.js';
import { linkToken } from '../testing/account-emails.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { JOBS } from './schedule.js';
import { syncEmailContacts } from './sync-email-contacts.js';

const TOPICS = { 'product-updates': 'topic-product', newsletter: 'topic-news', marketing: 'topic-marketing' };

let app: TestApp;
let sandbox: ResendSandbox;
let logs: string[] = [];
beforeAll(async () => {
  sandbox = await startResendSandbox();
  app = await createTestApp({ isolated: true, config: { resendApiKey: sandbox.apiKey, resendBaseUrl: sandbox.url, emailTopics: TOPICS } });
});
afterAll(async () => {
  await app?.close();
  await sandbox?.close();
});
beforeEach(async () => {
  sandbox.reset();
  logs = [];
  // Each test starts with nobody tracked: earlier tests' people no longer count as verified.
  await app.db.knex('emailContacts').delete();
  await app.db.knex('users').update({ emailVerifiedAt: null });
});

const deps = () => ({ knex: app.db.knex, config: app.config, logger: createLogger({ level: 'debug', write: (line) => void logs.push(line) }) });
const run = () => syncEmailContacts(deps());
const verified = async (overrides: Record<string, unknown> = {}) => {
  const person = await app.signUp(overrides);
  const { token } = await linkToken(app, person.email, 'verify-email', 'verifyUrl');
  expect((await app.request('POST', '/api/v1/auth/verify-email', { body: { token } })).status).toBe(204);
  return person;
};
const contactOf = (person: TestUser) => sandbox.contacts.find((contact) => contact.email === person.email);
const prefs = (person: TestUser, kinds: Record<string, boolean>) => app.request('PATCH', '/api/v1/me/email-preferences', { token: person.token, body: { kinds } });
/** Makes every tracked row due now, as if its retry or drift-check time had come. */
const makeDue = (fields: Record<string, unknown> = {}) => app.db.knex('emailContacts').update({ nextAttemptAt: app.db.knex.fn.now(), ...fields });

describe('sync-email-contacts (P13)', () => {
  it('P13: sends only email, name and subscription state for verified addresses, and nothing again while unchanged', async () => {
    const ada = await verified({ firstName: 'Ada', lastName: 'Lovelace' });
    const unverified = await app.signUp();
    // The scheduled job (JOBS) is this function.
    await JOBS.find((job) => job.name === 'sync-email-contacts')!.run({ ...deps(), storage: app.storage });
    expect(logs.some((line) => line.includes('"synced":1'))).toBe(true);
    const contact = contactOf(ada)!;
    expect(contact).toMatchObject({ email: ada.email, first_name: 'Ada', last_name: 'Lovelace', unsubscribed: false, properties: {} });
    expect(contact.topics).toEqual({ 'topic-product': 'opt_in', 'topic-news': 'opt_in', 'topic-marketing': 'opt_in' });
    expect(contactOf(unverified)).toBeUndefined();
    expect(sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/contacts')).toHaveLength(1);

    const before = sandbox.requests.length;
    expect(await run()).toEqual({ synced: 0, removed: 0, drifted: 0, failed: 0 });
    expect(sandbox.requests.length).toBe(before);
    expect(await app.db.knex('emailContacts').where({ userId: ada.user.id }).first()).toMatchObject({ contactId: contact.id, attempts: 0, lastError: null, syncedHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('P13: preference changes and unsubscribe links reach the contact; with nothing on it is unsubscribed', async () => {
    const grace = await verified();
    await run();
    await prefs(grace, { newsletter: false });
    expect(await run()).toMatchObject({ synced: 1 });
    expect(contactOf(grace)).toMatchObject({ unsubscribed: false, topics: { 'topic-product': 'opt_in', 'topic-news': 'opt_out', 'topic-marketing': 'opt_in' } });

    await prefs(grace, { marketing: false });
    const token = signUnsubscribeToken(app.config.appSecret, { email: grace.email, kind: 'product-updates' });
    const oneClick = await app.request('POST', `/email/unsubscribe?token=${encodeURIComponent(token)}`, { body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(oneClick.status).toBe(200);
    expect(await run()).toMatchObject({ synced: 1 });
    expect(contactOf(grace)).toMatchObject({ unsubscribed: true, topics: { 'topic-product': 'opt_out', 'topic-news': 'opt_out', 'topic-marketing': 'opt_out' } });
  });

  it('P13: a failed request is retried with backoff, recording attempts and the error; then it syncs', async () => {
    const person = await verified();
    sandbox.failNextContactRequests({ status: 500 });
    expect(await run()).toMatchObject({ synced: 0, failed: 1 });
    const row = await app.db.knex('emailContacts').where({ userId: person.user.id }).first();
    expect(row).toMatchObject({ attempts: 1, contactId: null, syncedHash: null, lastError: expect.stringContaining('500') });
    expect(new Date(row.nextAttemptAt).getTime()).toBeGreaterThan(Date.now() + 10_000);
    expect(logs.some((line) => line.includes('email contact sync failed; will retry'))).toBe(true);
    // Not due yet: nothing is tried.
    expect(await run()).toMatchObject({ synced: 0, failed: 0 });
    sandbox.failNextContactRequests({ status: 429, retryAfterSeconds: 120 });
    await makeDue();
    expect(await run()).toMatchObject({ failed: 1 });
    const limited = await app.db.knex('emailContacts').where({ userId: person.user.id }).first();
    expect(limited.attempts).toBe(2);
    expect(new Date(limited.nextAttemptAt).getTime()).toBeGreaterThanOrEqual(Date.now() + 115_000);
    await makeDue();
    expect(await run()).toMatchObject({ synced: 1, failed: 0 });
    expect(await app.db.knex('emailContacts').where({ userId: person.user.id }).first()).toMatchObject({ attempts: 0, lastError: null });
    expect(sandbox.contacts.filter((contact) => contact.email === person.email)).toHaveLength(1);
  });

  it('P13: after a 429 the run stops at once, leaving the others for the next run', async () => {
    const people = [await verified(), await verified(), await verified()];
    sandbox.failNextContactRequests({ status: 429, retryAfterSeconds: 60 });
    expect(await run()).toEqual({ synced: 0, removed: 0, drifted: 0, failed: 1 });
    expect(sandbox.requests.filter((request) => request.path.startsWith('/contacts'))).toHaveLength(1);
    const rows = await app.db.knex('emailContacts').whereIn('userId', people.map((person) => person.user.id));
    expect(rows.filter((row) => row.leasedUntil === null)).toHaveLength(3);
    expect(await run()).toMatchObject({ synced: 2, failed: 0 });
  });

  it('P13: a contact changed or removed at Resend is found by reading it back, reported as drift and put back in step', async () => {
    const person = await verified();
    await run();
    contactOf(person)!.unsubscribed = true;
    contactOf(person)!.topics['topic-news'] = 'opt_out';
    // Not yet due for a drift check: left alone.
    expect(await run()).toMatchObject({ drifted: 0, synced: 0 });
    await makeDue({ syncedAt: app.db.knex.raw(`now() - interval '2 days'`) });
    expect(await run()).toMatchObject({ drifted: 1, synced: 1 });
    expect(contactOf(person)).toMatchObject({ unsubscribed: false, topics: { 'topic-news': 'opt_in' } });
    const warning = logs.map((line) => JSON.parse(line)).find((line) => line.msg?.includes('drifted'));
    expect(warning).toMatchObject({ level: 'warn', differences: ['unsubscribed', 'topic:topic-news'] });
    expect(JSON.stringify(warning)).not.toContain(person.email);

    sandbox.contacts.length = 0;
    await makeDue({ syncedAt: app.db.knex.raw(`now() - interval '2 days'`) });
    expect(await run()).toMatchObject({ drifted: 1, synced: 1 });
    expect(contactOf(person)).toBeDefined();
  });

  it('P13: an address change replaces the contact; a deleted account’s contact is removed, its tracking row outliving the account until then', async () => {
    const person = await verified();
    await run();
    const first = contactOf(person)!.id;
    const changed = `changed-${person.email}`;
    await app.db.knex('users').where({ id: person.user.id }).update({ email: changed });
    expect(await run()).toMatchObject({ synced: 1 });
    expect(sandbox.contacts.map((contact) => contact.email)).toEqual([changed]);
    expect(sandbox.contacts[0]!.id).not.toBe(first);

    await app.db.knex('users').where({ id: person.user.id }).update({ email: `old-${changed}` });
    await run();

    // An account with nothing else attached (the deletion job removes the rest first), deleted.
    const [gone] = await app.db.knex('users').insert({ firstName: 'Gone', lastName: 'Away', email: changed, passwordHash: '$argon2id$placeholder', ageConfirmedAt: new Date(), emailVerifiedAt: new Date() }).returning('id');
    await run();
    expect(sandbox.contacts.map((contact) => contact.email)).toContain(changed);
    await app.db.knex('users').where({ id: gone.id }).delete();
    expect(await app.db.knex('emailContacts').where({ email: changed }).first()).toMatchObject({ userId: null });
    expect(await run()).toMatchObject({ removed: 1 });
    expect(sandbox.contacts.map((contact) => contact.email)).toEqual([`old-${changed}`]);
    expect(await app.db.knex('emailContacts').where({ email: changed })).toHaveLength(0);
  });

  it('does nothing without RESEND_API_KEY', async () => {
    await verified();
    expect(await syncEmailContacts({ ...deps(), config: { ...app.config, resendApiKey: undefined } })).toEqual({ synced: 0, removed: 0, drifted: 0, failed: 0 });
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('removeEmailContact (account deletion, P13)', () => {
  it('P13: removes the contact at Resend and the tracking row; again, or for an address Resend never had, it is a no-op', async () => {
    const person = await verified();
    await run();
    expect(await removeEmailContact(deps(), person.email.toUpperCase())).toEqual({ removed: true });
    expect(contactOf(person)).toBeUndefined();
    expect(await app.db.knex('emailContacts').where({ email: person.email })).toHaveLength(0);
    expect(await removeEmailContact(deps(), person.email)).toEqual({ removed: false });
  });

  it('P13: an untracked contact is found by its address; a failure is thrown so the deletion is retried', async () => {
    await sandbox.contacts.push({ id: 'c-1', email: 'lost@example.com', first_name: 'L', last_name: 'O', unsubscribed: false, properties: {}, topics: {}, created_at: new Date().toISOString() });
    sandbox.failNextContactRequests({ status: 503 });
    await expect(removeEmailContact(deps(), 'lost@example.com')).rejects.toThrow(/503/);
    expect(sandbox.contacts).toHaveLength(1);
    expect(await removeEmailContact(deps(), 'lost@example.com')).toEqual({ removed: true });
    expect(sandbox.contacts).toHaveLength(0);
  });
});
