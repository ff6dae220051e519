import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Knex } from 'knex';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { retryDelayMs } from './backoff.js';
import { isEmailKind } from './kinds.js';
import { type ClaimedEmail, claimDueEmails, type EmailOutcome, recordOutcome } from './outbox-store.js';
import { emailAllowed } from './preferences.js';
import { linksIn, renderEmail } from './render.js';
import { isTemplateName, TEMPLATES } from './templates/index.js';
import { createTransport, type EmailTransport } from './transports/index.js';
import { unsubscribeUrl } from './unsubscribe-token.js';

/** Tuning of one sender run; the defaults suit production, tests shrink them. */
export interface SendOutboxOptions {
  /** Defaults to Resend when RESEND_API_KEY is set, else the local capture. */
  transport?: EmailTransport;
  /** Rows claimed at once (default 25). A full batch means more may be due: claim again at once. */
  batchSize?: number;
  /** How long a claim holds before another sender may take the row over (default 5 min). */
  leaseMs?: number;
  /** Sends in flight at once within a batch (default 4). */
  concurrency?: number;
  /** After this many attempts a transient failure becomes final (default 8). */
  maxAttempts?: number;
  /** Stop claiming new batches after this long, so a shutdown is not held up (default 60 s). */
  budgetMs?: number;
  /** Aborting stops claiming further batches; sends in flight finish and are recorded. */
  signal?: AbortSignal;
}

/** What one run did. */
export interface SendOutboxResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  suppressed: number;
}

/** What the sender needs (a subset of the jobs' JobDeps). */
export interface SendOutboxDeps {
  knex: Knex;
  config: Config;
  logger: Logger;
}

/**
 * The outbox sender (DESIGN convention 5, claim → call → record): claims due rows with a lease in one
 * short statement, renders and sends with no transaction open, records each outcome in another. The
 * outbox id is the provider's idempotency key, so a row sent twice (a lease that expired mid-send, a
 * crash between sending and recording) is still one email.
 */
export async function sendOutbox(deps: SendOutboxDeps, options: SendOutboxOptions = {}): Promise<SendOutboxResult> {
  const batchSize = options.batchSize ?? 25;
  const settings = {
    owner: `${hostname()}:${process.pid}:${randomUUID()}`,
    transport: options.transport ?? createTransport(deps.config, deps.logger),
    maxAttempts: options.maxAttempts ?? 8,
  };
  const deadline = Date.now() + (options.budgetMs ?? 60_000);
  const result: SendOutboxResult = { claimed: 0, sent: 0, retried: 0, failed: 0, suppressed: 0 };
  while (!options.signal?.aborted && Date.now() < deadline) {
    const batch = await claimDueEmails(deps.knex, settings.owner, { limit: batchSize, leaseMs: options.leaseMs ?? 5 * 60_000 });
    result.claimed += batch.length;
    await eachWithConcurrency(batch, options.concurrency ?? 4, async (row) => {
      const outcome = await attempt(deps, settings, row);
      const recorded = await recordOutcome(deps.knex, row.id, settings.owner, outcome, deps.config.env === 'production' ? withoutSecrets(row) : undefined);
      if (recorded) result[OUTCOME_COUNTER[outcome.status]] += 1;
      log(deps.logger, row, outcome, recorded, settings.maxAttempts);
    });
    if (batch.length < batchSize) break;
  }
  return result;
}

const OUTCOME_COUNTER = { sent: 'sent', retry: 'retried', failed: 'failed', suppressed: 'suppressed' } as const;

/** One attempt at one claimed row; never throws (every problem becomes an outcome). */
async function attempt(
  deps: SendOutboxDeps,
  settings: { transport: EmailTransport; maxAttempts: number },
  row: ClaimedEmail,
): Promise<EmailOutcome> {
  // A row claimed again and again without an outcome (the process dies while sending it) stops here.
  if (row.attempts > settings.maxAttempts) return { status: 'failed', reason: `gave up after ${settings.maxAttempts} attempts without a recorded outcome` };
  if (!isTemplateName(row.template) || !isEmailKind(row.kind)) return { status: 'failed', reason: `unknown template '${row.template}' or kind '${row.kind}'` };
  const template = TEMPLATES[row.template];
  // P10, P11: a kind turned off or unsubscribed from is not sent — checked again here, as a choice made after
  // the email was queued applies at once; except emails the recipient just asked for themselves, and billing notices.
  if (!template.requested && !template.transactional && !(await emailAllowed(deps.knex, { email: row.toEmail, userId: row.userId, kind: row.kind }))) {
    return { status: 'suppressed', reason: `the recipient unsubscribed from ${row.kind} emails` };
  }
  const link = unsubscribeUrl(deps.config.publicUrl, deps.config.appSecret, { email: row.toEmail, kind: row.kind });
  let rendered;
  try {
    rendered = await renderEmail(row.template, row.data as never, link);
  } catch (error) {
    return { status: 'failed', reason: `could not render '${row.template}': ${(error as Error).message}` };
  }
  const sent = await settings.transport
    .send({
      id: row.id,
      from: deps.config.emailFrom,
      to: row.toEmail,
      ...rendered,
      // RFC 2369 + RFC 8058: mail clients show their own unsubscribe button, which POSTs to the link.
      headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      links: linksIn(rendered.html),
    })
    .catch((error: unknown) => ({ ok: false as const, kind: 'transient' as const, reason: `transport error: ${(error as Error).message}` }));
  if (sent.ok) return { status: 'sent', providerMessageId: sent.providerMessageId };
  if (sent.kind === 'permanent') return { status: 'failed', reason: sent.reason };
  if (row.attempts >= settings.maxAttempts) return { status: 'failed', reason: `gave up after ${row.attempts} attempts; last: ${sent.reason}` };
  return { status: 'retry', reason: sent.reason, delayMs: retryDelayMs(row.attempts, 'retryAfterMs' in sent ? sent.retryAfterMs : undefined) };
}

function log(logger: Logger, row: ClaimedEmail, outcome: EmailOutcome, recorded: boolean, maxAttempts: number): void {
  const fields = { emailId: row.id, template: row.template, attempt: row.attempts, outcome: outcome.status, ...('reason' in outcome ? { reason: outcome.reason } : {}) };
  if (!recorded) logger.warn('email outcome not recorded: another sender took the row over after the lease expired', fields);
  else if (outcome.status === 'failed') logger.error('email failed', fields);
  else if (outcome.status === 'retry') logger.warn(`email will be retried (attempt ${row.attempts} of ${maxAttempts})`, { ...fields, retryInMs: Math.round(outcome.delayMs) });
  else logger.info(outcome.status === 'sent' ? 'email sent' : 'email not sent: unsubscribed', fields);
}

/** The row's props with its one-time links removed (kept outside production, for /dev/emails). */
export function withoutSecrets(row: Pick<ClaimedEmail, 'template' | 'data'>): Record<string, unknown> {
  const secrets: readonly string[] = isTemplateName(row.template) ? TEMPLATES[row.template].secrets : [];
  return Object.fromEntries(Object.entries(row.data).map(([key, value]) => [key, secrets.includes(key) ? REMOVED : value]));
}

/** What replaces a one-time link in a finished outbox row. */
export const REMOVED = '[removed after sending]';

/** Runs `fn` over `items` with at most `limit` in flight. */
async function eachWithConcurrency<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
