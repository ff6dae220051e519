import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueEmail } from '../email/outbox.js';
import { sendOutbox } from '../email/send-outbox.js';
import { outboxEmails } from '../email/testing.js';
import { createLogger } from '../logger.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

// No RESEND_API_KEY: the local transport. Nothing leaves the machine; a developer reads the log or /dev/emails.
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ isolated: true });
});
afterAll(() => app?.close());

const verifyUrl = 'http://localhost:8787/verify-email?token=local-1';

describe('emails without Resend (local capture)', () => {
  it('marks the email sent, logs recipient, subject and links, and lists it on /dev/emails', async () => {
    await enqueueEmail(app.db.knex, { template: 'verify-email', to: 'dev@example.com', data: { firstName: 'Dev', verifyUrl, expiresInHours: 24 } });
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', write: (line) => lines.push(line) });
    expect(await sendOutbox({ knex: app.db.knex, config: app.config, logger })).toMatchObject({ sent: 1 });

    const [row] = await outboxEmails(app.db.knex, 'dev@example.com');
    expect(row).toMatchObject({ status: 'sent', providerMessageId: `local-${row!.id}` });
    const captured = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.emailId === row!.id && line.to);
    expect(captured).toMatchObject({ level: 'info', to: 'dev@example.com', subject: 'Confirm your email address for Minopa', view: `/dev/emails/${row!.id}` });
    expect(captured!.links).toEqual([verifyUrl, expect.stringMatching(/^http:\/\/localhost:8787\/email\/unsubscribe\?token=/)]);

    const list = await app.request('GET', '/dev/emails');
    expect(list.status).toBe(200);
    expect(list.text).toContain('dev@example.com');
    expect(list.text).toContain(`<a href="/dev/emails/${row!.id}">Confirm your email address for Minopa</a>`);

    const html = await app.request('GET', `/dev/emails/${row!.id}`);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain(`href="${verifyUrl}"`);
    const text = await app.request('GET', `/dev/emails/${row!.id}/text`);
    expect(text.text).toMatch(/^Subject: Confirm your email address for Minopa\n\n/);
    expect(text.text).toContain(verifyUrl);

    expect((await app.request('GET', '/dev/emails/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await app.request('GET', '/dev/emails/not-an-id')).status).toBe(404);
  });
});

describe('in production', () => {
  let production: TestApp;
  beforeAll(async () => {
    production = await createTestApp({ database: app.db, config: { env: 'production' } });
  });
  afterAll(() => production?.close());

  it('has no /dev/emails pages', async () => {
    const [row] = await outboxEmails(app.db.knex, 'dev@example.com');
    expect((await production.request('GET', '/dev/emails')).status).toBe(404);
    expect((await production.request('GET', `/dev/emails/${row!.id}`)).status).toBe(404);
  });

  it('keeps the links (credentials) out of the log line when emails are captured locally', async () => {
    await enqueueEmail(app.db.knex, { template: 'reset-password', to: 'prod@example.com', data: { firstName: 'P', resetUrl: 'https://app.example/reset?token=secret-1', expiresInMinutes: 60 } });
    const lines: string[] = [];
    await sendOutbox({ knex: app.db.knex, config: production.config, logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }) });
    expect(lines.join('\n')).not.toContain('secret-1');
    expect(lines.join('\n')).toContain('RESEND_API_KEY is not set, so it was not delivered');
  });
});
