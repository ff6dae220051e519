import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { startResendSandbox, type ResendSandbox } from '../sandbox/resend/server.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { BASE_DELAY_MS } from './backoff.js';
import { enqueueEmail } from './outbox.js';
import { REMOVED, sendOutbox, type SendOutboxDeps } from './send-outbox.js';
import { suppressEmail } from './suppressions.js';
import { outboxEmails } from './testing.js';
import { resendTransport } from './transports/resend.js';
import type { EmailTransport, SendResult } from './transports/types.js';

// The real resend SDK against the local Resend sandbox (which checks every request against Resend's
// OpenAPI document), on an isolated schema so other test files' emails are never claimed here.
let app: TestApp;
let sandbox: ResendSandbox;
let deps: SendOutboxDeps;

beforeAll(async () => {
  sandbox = await startResendSandbox();
  app = await createTestApp({ isolated: true, config: { resendApiKey: sandbox.apiKey, resendBaseUrl: sandbox.url } });
  deps = { knex: app.db.knex, config: app.config, logger: silentLogger };
});
afterAll(async () => {
  await app?.close();
  await sandbox?.close();
});
beforeEach(async () => {
  sandbox.reset();
  await app.db.knex('emailOutbox').del();
  await app.db.knex('emailSuppressions').del();
});

const verify = (to: string, dedupeKey?: string) =>
  enqueueEmail(app.db.knex, {
    template: 'verify-email',
    to,
    data: { firstName: 'Ada', verifyUrl: `https://app.example/verify?token=${to}`, expiresInHours: 24 },
    ...(dedupeKey ? { dedupeKey } : {}),
  });

/** Milliseconds from the database's now() until the row's next attempt. */
async function waitBeforeRetry(id: string): Promise<number> {
  const { rows } = await app.db.knex.raw<{ rows: { ms: string }[] }>('select extract(epoch from next_attempt_at - now()) * 1000 as ms from email_outbox where id = ?', [id]);
  return Number(rows[0]!.ms);
}
const makeDue = () => app.db.knex('emailOutbox').update({ nextAttemptAt: app.db.knex.fn.now() });
const emailRequests = () => sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/emails');

describe('the outbox sender', () => {
  it('sends an enqueued email once, with its link, the unsubscribe headers and the outbox id as idempotency key', async () => {
    await verify('ada@example.com');
    const result = await sendOutbox(deps);
    expect(result).toMatchObject({ claimed: 1, sent: 1 });
    expect(sandbox.emails).toHaveLength(1);
    const [email] = sandbox.emails;
    const [row] = await outboxEmails(app.db.knex, 'ada@example.com');
    expect(email).toMatchObject({ to: ['ada@example.com'], from: 'Minopa <hello@minopa.localhost>', subject: 'Confirm your email address for Minopa', idempotencyKey: row!.id });
    expect(email!.html).toContain('https://app.example/verify?token=ada@example.com');
    expect(email!.text).toContain('https://app.example/verify?token=ada@example.com');
    expect(email!.headers['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:8787\/email\/unsubscribe\?token=[\w%.-]+>$/);
    expect(email!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(row).toMatchObject({ status: 'sent', attempts: 1, providerMessageId: email!.id, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);

    await sendOutbox(deps);
    expect(emailRequests()).toHaveLength(1);
  });

  it('sends each email exactly once when two senders run at the same time', async () => {
    const recipients = Array.from({ length: 30 }, (_, i) => `person${i}@example.com`);
    for (const to of recipients) await verify(to);
    const runs = await Promise.all([sendOutbox(deps, { batchSize: 4 }), sendOutbox(deps, { batchSize: 4 })]);
    expect(runs[0]!.claimed + runs[1]!.claimed).toBe(30);
    // Not one request twice: the claims never overlapped (the idempotency key is only the second net).
    expect(emailRequests()).toHaveLength(30);
    expect(sandbox.emails.map((email) => email.to[0]).sort()).toEqual([...recipients].sort());
    expect(await app.db.knex('emailOutbox').whereNot({ status: 'sent' })).toHaveLength(0);
  });

  it('does not send a second email when a sender dies after sending, before recording', async () => {
    await verify('crash@example.com');
    // The first sender sends, then hangs (a crashed or frozen process): its lease expires.
    let release: (result: SendResult) => void = () => {};
    const real = resendTransport({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const dying: EmailTransport = {
      name: 'resend',
      async send(email) {
        await real.send(email);
        return new Promise<SendResult>((resolve) => (release = resolve));
      },
    };
    const first = sendOutbox(deps, { transport: dying, leaseMs: 200 });
    await expect.poll(() => sandbox.emails.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 250));

    const second = await sendOutbox(deps);
    expect(second).toMatchObject({ claimed: 1, sent: 1 });
    expect(emailRequests().map((request) => request.idempotencyKey)).toEqual([sandbox.emails[0]!.idempotencyKey, sandbox.emails[0]!.idempotencyKey]);
    expect(sandbox.emails).toHaveLength(1);
    const [row] = await outboxEmails(app.db.knex, 'crash@example.com');
    expect(row).toMatchObject({ status: 'sent', attempts: 2, providerMessageId: sandbox.emails[0]!.id });

    // The first sender wakes up: it lost the lease, so it records nothing.
    release({ ok: true, providerMessageId: 'stale' });
    expect(await first).toMatchObject({ claimed: 1, sent: 0 });
    expect((await outboxEmails(app.db.knex, 'crash@example.com'))[0]!.providerMessageId).toBe(sandbox.emails[0]!.id);
  });

  it('retries a 429 after its Retry-After and a 500 after a backoff, then sends', async () => {
    await verify('busy@example.com');
    sandbox.failNext({ status: 429, retryAfterSeconds: 2 }, { status: 500 });
    expect(await sendOutbox(deps)).toMatchObject({ retried: 1, sent: 0 });
    let [row] = await outboxEmails(app.db.knex, 'busy@example.com');
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toContain('429 rate_limit_exceeded');
    const afterRetryAfter = await waitBeforeRetry(row!.id);
    expect(afterRetryAfter).toBeGreaterThan(1_900);
    expect(afterRetryAfter).toBeLessThan(2_400);

    // Not due yet: nothing is claimed.
    expect(await sendOutbox(deps)).toMatchObject({ claimed: 0 });

    await makeDue();
    expect(await sendOutbox(deps)).toMatchObject({ retried: 1 });
    [row] = await outboxEmails(app.db.knex, 'busy@example.com');
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row!.lastError).toContain('500');
    // Second attempt: 2 × base, half of it random.
    const backoff = await waitBeforeRetry(row!.id);
    expect(backoff).toBeGreaterThan(BASE_DELAY_MS - 500);
    expect(backoff).toBeLessThan(2 * BASE_DELAY_MS + 500);

    await makeDue();
    expect(await sendOutbox(deps)).toMatchObject({ sent: 1 });
    [row] = await outboxEmails(app.db.knex, 'busy@example.com');
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(sandbox.emails).toHaveLength(1);
    expect(new Set(emailRequests().map((request) => request.idempotencyKey))).toEqual(new Set([row!.id]));
  });

  it('gives up on transient failures after the attempt limit, with the reason', async () => {
    await verify('down@example.com');
    sandbox.failNext({ status: 503 }, { status: 503 }, { status: 503 });
    await sendOutbox(deps, { maxAttempts: 3 });
    await makeDue();
    await sendOutbox(deps, { maxAttempts: 3 });
    await makeDue();
    expect(await sendOutbox(deps, { maxAttempts: 3 })).toMatchObject({ failed: 1 });
    const [row] = await outboxEmails(app.db.knex, 'down@example.com');
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row!.lastError).toMatch(/^gave up after 3 attempts; last: Resend 503/);
  });

  it('fails at once, with the reason, when Resend rejects the email itself', async () => {
    // Resend refuses an address without a dot in its domain: a 422 that no retry would change.
    await verify('someone@localhost');
    expect(await sendOutbox(deps)).toMatchObject({ failed: 1 });
    const [row] = await outboxEmails(app.db.knex, 'someone@localhost');
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.lastError).toContain('Resend 422 validation_error: Invalid `to` field');
    await makeDue();
    await sendOutbox(deps);
    expect(emailRequests()).toHaveLength(1);
  });

  it('enqueues an email with a dedupeKey only once', async () => {
    await verify('twice@example.com', 'verify:token-1');
    await verify('twice@example.com', 'verify:token-1');
    await verify('twice@example.com', 'verify:token-2');
    expect((await outboxEmails(app.db.knex, 'twice@example.com')).map((row) => row.dedupeKey)).toEqual(['verify:token-1', 'verify:token-2']);
    await sendOutbox(deps);
    expect(sandbox.emails).toHaveLength(2);
  });

  it('P11: does not send a kind the recipient unsubscribed from, but still sends what they asked for themselves', async () => {
    const to = 'Grace@Example.com';
    await suppressEmail(app.db.knex, { email: 'grace@example.com', kind: 'invitation' });
    await suppressEmail(app.db.knex, { email: 'grace@example.com', kind: 'account' });
    await enqueueEmail(app.db.knex, {
      template: 'invitation',
      to,
      data: { inviterName: 'Ada', workspaceName: 'Engines', role: 'editor', acceptUrl: 'https://app.example/accept', expiresAt: '5 December 2026' },
    });
    await enqueueEmail(app.db.knex, {
      template: 'reset-password',
      to,
      data: { firstName: 'Grace', resetUrl: 'https://app.example/reset', expiresInMinutes: 60 },
    });
    expect(await sendOutbox(deps)).toMatchObject({ sent: 1, suppressed: 1 });
    const rows = await outboxEmails(app.db.knex, to);
    expect(rows.map((row) => [row.template, row.status, row.lastError])).toEqual([
      ['invitation', 'suppressed', 'the recipient unsubscribed from invitation emails'],
      ['reset-password', 'sent', null],
    ]);
    expect(sandbox.emails.map((email) => email.subject)).toEqual(['Reset your Minopa password']);
  });
});

describe('one-time links in the outbox (production)', () => {
  it('are removed from the row once the email is sent or given up, and only then', async () => {
    const production = { ...deps, config: { ...deps.config, env: 'production' as const } };
    await verify('secret@example.com');
    await verify('secret@localhost');
    sandbox.failNext({ status: 500 });
    await sendOutbox(production);
    // A retry still needs the link; the sent and the failed email no longer do.
    const pending = await app.db.knex('emailOutbox').where({ status: 'pending' });
    expect(pending.map((row) => row.data.verifyUrl)).toEqual([expect.stringMatching(/^https:\/\/app\.example\/verify\?token=/)]);
    await makeDue();
    await sendOutbox(production);
    const rows = await app.db.knex('emailOutbox').orderBy('toEmail');
    expect(rows.map((row) => [row.toEmail, row.status, row.data])).toEqual([
      ['secret@example.com', 'sent', { firstName: 'Ada', verifyUrl: REMOVED, expiresInHours: 24 }],
      ['secret@localhost', 'failed', { firstName: 'Ada', verifyUrl: REMOVED, expiresInHours: 24 }],
    ]);
    expect(sandbox.emails.map((email) => email.text)).toEqual([expect.stringContaining('https://app.example/verify?token=secret@example.com')]);
  });
});
