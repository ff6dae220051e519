import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '../jobs/schedule.js';
import { createLogger } from '../logger.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { anonymiseIp, purgeUsageEvents } from './usage.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const event = (overrides: Record<string, unknown> = {}) => ({
  name: 'popup.opened',
  sessionId: randomUUID(),
  occurredAt: new Date().toISOString(),
  client: 'popup',
  viewport: { width: 400, height: 600 },
  referrer: 'https://news.example.com/story?id=42#top',
  ...overrides,
});
const send = (person: TestUser, events: unknown[], ip = '203.0.113.77') =>
  app.request('POST', '/api/v1/me/usage-events', { token: person.token, body: { events }, headers: { 'user-agent': CHROME, 'x-forwarded-for': ip } });
const allow = (person: TestUser, analytics: boolean) =>
  app.request('PUT', '/api/v1/me/consent', { token: person.token, body: { choices: { functional: false, analytics, marketing: false, errorReports: false } } });
const eventsOf = (person: TestUser) => app.db.knex('usageEvents').where({ userId: person.user.id }).orderBy('id');

describe('usage statistics (P7, P19, P21, P29)', () => {
  it('P7, P21: nothing is stored without analytics consent, whatever the extension sends', async () => {
    const person = await app.signUp();
    expect((await send(person, [event()])).body).toEqual({ recorded: 0 });
    await allow(person, false);
    expect((await send(person, [event()])).body).toEqual({ recorded: 0 });
    expect(await eventsOf(person)).toEqual([]);
  });

  it('P7: with consent, stores the feature, session, device, browser, OS, viewport, referrer origin and an anonymised IP', async () => {
    const person = await app.signUp();
    await allow(person, true);
    const response = await send(person, [event(), event({ name: 'post.scheduled', client: 'background', viewport: undefined, referrer: undefined })]);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ recorded: 2 });
    const [first, second] = await eventsOf(person);
    expect(first).toMatchObject({ name: 'popup.opened', client: 'popup', browser: 'Chrome 126', os: 'Windows 10', deviceType: 'desktop', viewportWidth: 400, viewportHeight: 600, referrer: 'https://news.example.com', ipAnonymised: '203.0.113.0' });
    expect(second).toMatchObject({ name: 'post.scheduled', viewportWidth: null, referrer: null });
    expect(JSON.stringify([first, second])).not.toContain('203.0.113.77');
  });

  it('P29: withdrawing analytics stops the recording at once', async () => {
    const person = await app.signUp();
    await allow(person, true);
    await send(person, [event()]);
    await allow(person, false);
    expect((await send(person, [event()])).body).toEqual({ recorded: 0 });
    expect(await eventsOf(person)).toHaveLength(1);
  });

  it('refuses unknown features, free text and oversized batches with the field named', async () => {
    const person = await app.signUp();
    const unknown = await send(person, [event({ name: 'my.secret.note' })]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('events.0.name');
    const extra = await send(person, [event({ text: 'free text' })]);
    expect(extra.status).toBe(400);
    const tooMany = await send(person, Array.from({ length: 101 }, () => event()));
    expect(tooMany.body.error.fields).toEqual([{ path: 'events', message: 'must hold at most 100 events' }]);
  });

  it('P7: IP addresses are shortened to a /24 (IPv4) or /48 (IPv6)', () => {
    expect(anonymiseIp('198.51.100.23')).toBe('198.51.100.0');
    expect(anonymiseIp('::ffff:198.51.100.23')).toBe('198.51.100.0');
    expect(anonymiseIp('2001:db8:abcd:12:34:56:78:9a')).toBe('2001:db8:abcd::');
    expect(anonymiseIp('not an ip')).toBeNull();
    expect(anonymiseIp(null)).toBeNull();
  });

  it('P19: the purge job deletes usage events older than 26 months and keeps newer ones', async () => {
    const person = await app.signUp();
    await allow(person, true);
    await send(person, [event(), event(), event()]);
    const [oldest, middle] = await eventsOf(person);
    const months = (count: number) => {
      const at = new Date();
      at.setUTCMonth(at.getUTCMonth() - count);
      return at;
    };
    await app.db.knex('usageEvents').where({ id: oldest.id }).update({ receivedAt: months(27) });
    await app.db.knex('usageEvents').where({ id: middle.id }).update({ receivedAt: months(25) });
    const job = JOBS.find((one) => one.name === 'purge-usage-events')!;
    await job.run({ knex: app.db.knex, config: app.config, storage: app.storage, logger: createLogger({ level: 'error', write: () => undefined }) });
    expect((await eventsOf(person)).map((row) => row.id)).toEqual([middle.id, (await eventsOf(person))[1]!.id]);
    const progress: number[] = [];
    expect(await purgeUsageEvents(app.db.knex, { batch: 1, onProgress: (deleted) => progress.push(deleted) })).toBe(0);
    expect(progress).toEqual([0]);
  });
});
