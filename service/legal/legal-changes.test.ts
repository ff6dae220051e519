import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '../jobs/schedule.js';
import { createLogger } from '../logger.js';
import { emailsTo } from '../testing/account-emails.js';
import { freshEmail, verifyEmail } from '../testing/teams.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { readDocumentFile } from './bundled.js';
import { publishLegalDocument } from './publish.js';

// Tables of its own: publishing a new version changes what every other test would see.
let app: TestApp;
let dir: string;
let early: TestUser;
let other: TestUser;
beforeAll(async () => {
  app = await createTestApp({ isolated: true });
  dir = await mkdtemp(join(tmpdir(), 'minopa-legal-'));
  early = await verifyEmail(app, await app.signUp());
  other = await verifyEmail(app, await app.signUp());
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

async function documentFile(name: string, frontMatter: Record<string, string>, body = 'The new text.'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `---\n${Object.entries(frontMatter).map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n${body}\n`);
  return path;
}

const runJob = (name: string) =>
  JOBS.find((job) => job.name === name)!.run({ knex: app.db.knex, config: app.config, storage: app.storage, logger: createLogger({ level: 'error', write: () => undefined }) });
const invite = (person: TestUser) =>
  app.request('POST', `/api/v1/workspaces/${person.workspaceId}/invitations`, { token: person.token, body: { email: freshEmail(), role: 'editor' } });

describe('material changes to the legal documents (P12, P33)', () => {
  it('P33: publishes a new version with its date; earlier versions stay readable; a published version never changes', async () => {
    const before = (await app.request('GET', '/api/v1/legal')).body.privacy;
    const minor = readDocumentFile(await documentFile('privacy-1.1.md', { kind: 'privacy', version: '"1.1"', title: 'Privacy Policy', lastUpdated: '2026-12-01' }, 'Typo fixed.'));
    expect((await publishLegalDocument(app.db.knex, minor)).status).toBe('published');
    expect((await publishLegalDocument(app.db.knex, minor)).status).toBe('unchanged');
    const current = (await app.request('GET', '/api/v1/legal')).body.privacy;
    expect(current).toMatchObject({ version: '1.1', lastUpdated: '2026-12-01' });
    const old = await app.request('GET', `/legal/privacy/${before.version}`);
    expect(old.status).toBe(200);

    await expect(publishLegalDocument(app.db.knex, { ...minor, body: 'Quietly different.' })).rejects.toThrow(/already published with other text/);
    await expect(publishLegalDocument(app.db.knex, { ...minor, version: '0.9', lastUpdated: '2026-01-01' })).rejects.toThrow(/before the current version/);
    await expect(publishLegalDocument(app.db.knex, { ...minor, version: '1.2', material: true })).rejects.toThrow(/needs a summary/);
    // Not material: nobody is asked again, publishing still works.
    await runJob('notify-legal-changes');
    expect((await invite(early)).status).toBe(201);
    expect(await emailsTo(app, early.email, 'legal-update')).toEqual([]);
  });

  it('P12: a material change emails every account once, holds publishing until they accept, and records the acceptance with time, version, IP and browser', async () => {
    const material = readDocumentFile(
      await documentFile('privacy-2.0.md', { kind: 'privacy', version: '"2.0"', title: 'Privacy Policy', lastUpdated: '2027-01-01', material: 'true', summary: 'Usage statistics are now kept 26 months.' }),
    );
    await publishLegalDocument(app.db.knex, material);
    await runJob('notify-legal-changes');
    await runJob('notify-legal-changes');

    for (const person of [early, other]) {
      const emails = await emailsTo(app, person.email, 'legal-update');
      expect(emails).toHaveLength(1);
      expect(emails[0]!.data).toMatchObject({ version: '2.0', summary: 'Usage statistics are now kept 26 months.', lastUpdated: '1 January 2027', documentUrl: `${app.config.publicUrl}/legal/privacy/2.0` });
    }
    const blocked = await invite(early);
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('legal_acceptance_required');
    // Reading and capturing still work.
    expect((await app.request('GET', '/api/v1/me', { token: early.token })).status).toBe(200);

    const standing = await app.request('GET', '/api/v1/me/legal', { token: early.token });
    expect(standing.body).toMatchObject({ acceptanceDue: true, privacy: { version: '2.0', material: true, changes: 'Usage statistics are now kept 26 months.', acceptedAt: null } });

    const outdated = await app.request('POST', '/api/v1/me/legal-acceptances', { token: early.token, body: { terms: standing.body.terms.version, privacy: '1.1' } });
    expect(outdated.status).toBe(409);
    expect(outdated.body.error.code).toBe('legal_version_outdated');

    const accepted = await app.request('POST', '/api/v1/me/legal-acceptances', {
      token: early.token,
      body: { terms: standing.body.terms.version, privacy: '2.0' },
      headers: { 'user-agent': 'Minopa test browser', 'x-forwarded-for': '203.0.113.7' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ acceptanceDue: false, privacy: { acceptedAt: expect.any(String) } });
    const record = await app.db
      .knex('legalAcceptances as a')
      .join('legalDocuments as d', 'd.id', 'a.documentId')
      .where({ 'a.userId': early.user.id, 'd.version': '2.0' })
      .first('a.acceptedAt', 'a.ip', 'a.userAgent', 'd.kind');
    expect(record).toMatchObject({ kind: 'privacy', ip: '203.0.113.7', userAgent: 'Minopa test browser' });
    expect(record.acceptedAt).toBeInstanceOf(Date);
    expect((await invite(early)).status).toBe(201);
    // The other account still has to accept.
    expect((await invite(other)).status).toBe(403);

    // Someone who signs up now accepts 2.0 at sign-up and is not asked again.
    const newcomer = await verifyEmail(app, await app.signUp({ acceptedLegalVersions: { terms: standing.body.terms.version, privacy: '2.0' } }));
    expect((await app.request('GET', '/api/v1/me/legal', { token: newcomer.token })).body.acceptanceDue).toBe(false);
    expect((await invite(newcomer)).status).toBe(201);
  });
});
