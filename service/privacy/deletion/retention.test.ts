import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '../../jobs/schedule.js';
import { createLogger } from '../../logger.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { purgeExpiredRecords } from './retention.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const hash = () => randomBytes(32).toString('hex');
/** Created so that it ends `endsDaysAgo` days ago after living `lifetimeHours`. */
const span = (endsDaysAgo: number, lifetimeHours: number) => ({ createdAt: new Date(daysAgo(endsDaysAgo).getTime() - lifetimeHours * 3600_000), expiresAt: daysAgo(endsDaysAgo) });

describe('retention purges (P19)', () => {
  it('P19: removes expired sessions and used or expired one-time tokens, stale invitations and acceptances 5 years after deletion; keeps the rest', async () => {
    const person = await app.signUp();
    const { knex } = app.db;
    const userId = person.user.id;
    const [oldSession] = await knex('sessions').insert({ tokenHash: hash(), userId, ...span(31, 24) }).returning('id');
    const [endedRecently] = await knex('sessions').insert({ tokenHash: hash(), userId, ...span(2, 24) }).returning('id');
    const [revokedLongAgo] = await knex('sessions').insert({ tokenHash: hash(), userId, ...span(39, 24), revokedAt: daysAgo(40) }).returning('id');
    const [usedToken] = await knex('accountTokens').insert({ purpose: 'reset-password', tokenHash: hash(), userId, email: person.email, ...span(9, 1), usedAt: daysAgo(9.01) }).returning('id');
    const [liveToken] = await knex('accountTokens').insert({ purpose: 'reset-password', tokenHash: hash(), userId, email: person.email, expiresAt: new Date(Date.now() + 3600_000) }).returning('id');
    const [staleInvite] = await knex('invitations').insert({ workspaceId: person.workspaceId, email: 'stale@example.com', role: 'editor', tokenHash: hash(), invitedBy: userId, ...span(31, 48) }).returning('id');
    const [openInvite] = await knex('invitations').insert({ workspaceId: person.workspaceId, email: 'open@example.com', role: 'editor', tokenHash: hash(), invitedBy: userId, expiresAt: new Date(Date.now() + 86_400_000) }).returning('id');
    const [picker] = await knex('drivePickerLinks').insert({ tokenHash: hash(), userId, fileId: 'f1', expiresAt: daysAgo(2) }).returning('id');
    const document = await knex('legalDocuments').first('id');
    const [oldAcceptance] = await knex('legalAcceptances').insert({ userId: null, pseudonym: '00000000-0000-4000-8000-000000000001', accountDeletedAt: daysAgo(5 * 366), documentId: document.id }).returning('id');
    const [recentAcceptance] = await knex('legalAcceptances').insert({ userId: null, pseudonym: '00000000-0000-4000-8000-000000000002', accountDeletedAt: daysAgo(4 * 365), documentId: document.id }).returning('id');

    const counts = await purgeExpiredRecords(knex, { batch: 1 });
    expect(counts.sessions).toBeGreaterThanOrEqual(2);
    const exists = async (table: string, id: string) => (await knex(table).where({ id })).length === 1;
    expect(await exists('sessions', oldSession.id)).toBe(false);
    expect(await exists('sessions', revokedLongAgo.id)).toBe(false);
    expect(await exists('sessions', endedRecently.id)).toBe(true);
    expect(await exists('accountTokens', usedToken.id)).toBe(false);
    expect(await exists('accountTokens', liveToken.id)).toBe(true);
    expect(await exists('invitations', staleInvite.id)).toBe(false);
    expect(await exists('invitations', openInvite.id)).toBe(true);
    expect(await exists('drivePickerLinks', picker.id)).toBe(false);
    expect(await exists('legalAcceptances', oldAcceptance.id)).toBe(false);
    expect(await exists('legalAcceptances', recentAcceptance.id)).toBe(true);
    // The person's own session and acceptances are untouched.
    expect((await app.request('GET', '/api/v1/me', { token: person.token })).status).toBe(200);
    expect(await knex('legalAcceptances').where({ userId })).toHaveLength(2);
  });

  it('runs as the nightly purge-expired-records job', async () => {
    const job = JOBS.find((one) => one.name === 'purge-expired-records')!;
    expect(job.schedule).toBe('0 47 2 * * *');
    await job.run({ knex: app.db.knex, config: app.config, storage: app.storage, logger: createLogger({ level: 'error', write: () => undefined }) });
  });
});
