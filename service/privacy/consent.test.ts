import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentExpiry } from '#shared/privacy/consent.js';
import { JOBS } from '../jobs/schedule.js';
import { createLogger } from '../logger.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

const ALL_DENIED = { functional: false, analytics: false, marketing: false, errorReports: false };
const consentPath = '/api/v1/me/consent';

describe('consent by category (P20, P21, P29)', () => {
  it('P20: nobody chose yet: status missing, every optional category denied, Consent Mode all denied but security', async () => {
    const person = await app.signUp();
    const response = await app.request('GET', consentPath, { token: person.token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'missing',
      choices: ALL_DENIED,
      decidedAt: null,
      expiresAt: null,
      policyVersion: null,
      consentMode: {
        analytics_storage: 'denied',
        ad_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
        functionality_storage: 'denied',
        personalization_storage: 'denied',
        security_storage: 'granted',
      },
    });
  });

  it('P20: a choice is stored with its time, the Privacy Policy version and an expiry twelve months later; every choice is kept', async () => {
    const person = await app.signUp();
    const before = Date.now();
    const saved = await app.request('PUT', consentPath, { token: person.token, body: { choices: { functional: true, analytics: true, marketing: false, errorReports: true } } });
    expect(saved.status).toBe(200);
    const decidedAt = new Date(saved.body.decidedAt);
    expect(decidedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(saved.body).toMatchObject({ status: 'current', choices: { functional: true, analytics: true, marketing: false, errorReports: true }, policyVersion: (await app.request('GET', '/api/v1/legal')).body.privacy.version });
    expect(saved.body.expiresAt).toBe(consentExpiry(decidedAt).toISOString());
    expect(new Date(saved.body.expiresAt).getUTCFullYear()).toBe(decidedAt.getUTCFullYear() + 1);

    // P29: withdrawing analytics is a new choice that takes effect at once; the earlier one stays on record.
    const withdrawn = await app.request('PUT', consentPath, { token: person.token, body: { choices: { functional: true, analytics: false, marketing: false, errorReports: false }, source: 'web' } });
    expect(withdrawn.body.choices).toEqual({ functional: true, analytics: false, marketing: false, errorReports: false });
    expect((await app.request('GET', consentPath, { token: person.token })).body.choices.analytics).toBe(false);
    const history = await app.db.knex('consentRecords').where({ userId: person.user.id }).orderBy('decidedAt');
    expect(history.map((row) => [row.analytics, row.source])).toEqual([
      [true, 'extension'],
      [false, 'web'],
    ]);
  });

  it('P21: Consent Mode v2 signals follow the choice: analytics_storage the analytics category, the advertising signals marketing', async () => {
    const person = await app.signUp();
    const analyticsOnly = await app.request('PUT', consentPath, { token: person.token, body: { choices: { functional: false, analytics: true, marketing: false, errorReports: false } } });
    expect(analyticsOnly.body.consentMode).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', functionality_storage: 'denied' });
    const marketing = await app.request('PUT', consentPath, { token: person.token, body: { choices: { functional: true, analytics: false, marketing: true, errorReports: false } } });
    expect(marketing.body.consentMode).toMatchObject({ analytics_storage: 'denied', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', functionality_storage: 'granted' });
  });

  it('P20: after a year the choice expires: the person is asked again and nothing optional is allowed meanwhile; the job stamps it once', async () => {
    const person = await app.signUp();
    await app.request('PUT', consentPath, { token: person.token, body: { choices: { functional: true, analytics: true, marketing: true, errorReports: true } } });
    const yearAgo = new Date(Date.now() - 366 * 86_400_000);
    await app.db.knex('consentRecords').where({ userId: person.user.id }).update({ decidedAt: yearAgo, expiresAt: consentExpiry(yearAgo) });

    // The clock decides even before the job ran.
    const expired = await app.request('GET', consentPath, { token: person.token });
    expect(expired.body).toMatchObject({ status: 'expired', choices: ALL_DENIED, consentMode: { analytics_storage: 'denied' } });

    const job = JOBS.find((one) => one.name === 'expire-consents')!;
    const lines: string[] = [];
    const deps = { knex: app.db.knex, config: app.config, storage: app.storage, logger: createLogger({ level: 'info', write: (line) => lines.push(line) }) };
    await job.run(deps);
    const [row] = await app.db.knex('consentRecords').where({ userId: person.user.id });
    expect(row.expiredAt).toBeInstanceOf(Date);
    expect(lines.some((line) => line.includes('consent choices expired'))).toBe(true);
    await job.run(deps);
    expect((await app.db.knex('consentRecords').where({ userId: person.user.id }).first()).expiredAt).toEqual(row.expiredAt);

    // Choosing again starts a new year.
    const renewed = await app.request('PUT', consentPath, { token: person.token, body: { choices: { functional: false, analytics: true, marketing: false, errorReports: false } } });
    expect(renewed.body.status).toBe('current');
  });

  it('refuses a choice with a missing or non-boolean category, naming the field', async () => {
    const person = await app.signUp();
    const missing = await app.request('PUT', consentPath, { token: person.token, body: { choices: { functional: true, analytics: true, marketing: false } } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('validation_failed');
    expect(missing.body.error.fields).toEqual([{ path: 'choices.errorReports', message: expect.any(String) }]);
    const wrongType = await app.request('PUT', consentPath, { token: person.token, body: { choices: { functional: 'yes', analytics: true, marketing: false, errorReports: false } } });
    expect(wrongType.body.error.fields).toEqual([{ path: 'choices.functional', message: 'must be true or false' }]);
    expect((await app.request('GET', consentPath, { token: person.token })).body.status).toBe('missing');
    expect((await app.request('GET', consentPath)).status).toBe(401);
  });
});
