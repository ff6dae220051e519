import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '../jobs/schedule.js';
import { createLogger } from '../logger.js';
import { emailsTo } from '../testing/account-emails.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { incidentReport, IncidentRefused, notifyIncident, recordIncident } from './incidents.js';

// Tables of its own: "everyone" means every account in the database.
let app: TestApp;
let ada: TestUser;
let grace: TestUser;
beforeAll(async () => {
  app = await createTestApp({ isolated: true });
  ada = await app.signUp();
  grace = await app.signUp();
});
afterAll(() => app?.close());

const sendOutbox = () =>
  JOBS.find((job) => job.name === 'send-email-outbox')!.run({ knex: app.db.knex, config: app.config, storage: app.storage, logger: createLogger({ level: 'error', write: () => undefined }) });
const incident = { title: 'Unauthorised access to a backup', whatHappened: 'A backup copy was reachable without a password for two hours.', measuresTaken: 'We closed the access and rotated every key.' };

describe('breach notification (P32)', () => {
  it('P32: records an incident, emails each affected person once with what happened and what was done, and shows it was within 72 hours', async () => {
    const recorded = await recordIncident(app.db.knex, { ...incident, detectedAt: new Date(Date.now() - 3_600_000), affected: [ada.email.toUpperCase(), grace.user.id, 'not-an-entry', 'someone@example.org'] });
    expect(recorded).toMatchObject({ affected: 3, unknown: ['not-an-entry'] });
    const before = await incidentReport(app.db.knex, recorded.id);
    expect(before).toMatchObject({ affected: 3, notQueued: 3, sent: 0, allNotifiedInTime: false });

    expect(await notifyIncident(app.db.knex, recorded.id)).toBe(3);
    expect(await notifyIncident(app.db.knex, recorded.id)).toBe(0);
    await sendOutbox();

    const [email] = await emailsTo(app, ada.email, 'security-incident');
    expect(email!.data).toMatchObject({ title: incident.title, whatHappened: incident.whatHappened, measuresTaken: incident.measuresTaken, firstName: ada.user.firstName });
    expect(await emailsTo(app, grace.email, 'security-incident')).toHaveLength(1);
    expect(await emailsTo(app, 'someone@example.org', 'security-incident')).toHaveLength(1);

    const report = await incidentReport(app.db.knex, recorded.id);
    expect(report).toMatchObject({ affected: 3, notQueued: 0, sent: 3, sentLate: 0, waiting: 0, failed: 0, allNotifiedInTime: true });
    expect(report.lastSentAt!.getTime()).toBeLessThanOrEqual(report.deadline.getTime());
    expect(report.deadline.getTime() - report.detectedAt.getTime()).toBe(72 * 3_600_000);
  });

  it('P32: notices sent after the 72 hours are reported late; "everyone" reaches every account', async () => {
    const recorded = await recordIncident(app.db.knex, { ...incident, detectedAt: new Date(Date.now() - 73 * 3_600_000), affected: 'everyone' });
    const accounts = Number(((await app.db.knex('users').count('* as count').first()) as { count: string }).count);
    expect(recorded.affected).toBe(accounts);
    await notifyIncident(app.db.knex, recorded.id);
    await sendOutbox();
    const report = await incidentReport(app.db.knex, recorded.id);
    expect(report).toMatchObject({ affected: accounts, sent: accounts, sentLate: accounts, allNotifiedInTime: false });
  });

  it('refuses a detection time in the future and an incident that affects nobody known', async () => {
    await expect(recordIncident(app.db.knex, { ...incident, detectedAt: new Date(Date.now() + 86_400_000), affected: 'everyone' })).rejects.toBeInstanceOf(IncidentRefused);
    await expect(recordIncident(app.db.knex, { ...incident, detectedAt: new Date(), affected: ['nobody'] })).rejects.toThrow(/None of the affected entries/);
    await expect(incidentReport(app.db.knex, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(/no incident/);
  });
});
