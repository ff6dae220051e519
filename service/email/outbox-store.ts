import type { Knex } from 'knex';

/** An outbox row claimed for sending (its lease is held by the claimer). */
export interface ClaimedEmail {
  id: string;
  template: string;
  kind: string;
  toEmail: string;
  userId: string | null;
  data: Record<string, unknown>;
  /** Attempts so far, this one included. */
  attempts: number;
}

/**
 * Claims up to `limit` due emails in one short statement: pending rows whose next attempt is due, and
 * rows whose sender's lease expired (it crashed or stalled mid-send). `FOR UPDATE SKIP LOCKED` lets any
 * number of instances claim at once without ever claiming the same row twice.
 */
export async function claimDueEmails(knex: Knex, owner: string, options: { limit: number; leaseMs: number }): Promise<ClaimedEmail[]> {
  const result = await knex.raw<{ rows: ClaimedEmail[] }>(
    `update email_outbox
        set status = 'sending', lease_owner = :owner, attempts = attempts + 1,
            lease_expires_at = now() + (:leaseMs * interval '1 millisecond')
      where id in (
        select id from email_outbox
         where (status = 'pending' and next_attempt_at <= now())
            or (status = 'sending' and lease_expires_at <= now())
         order by next_attempt_at
         limit :limit
         for update skip locked)
      returning id, template, kind, to_email as "toEmail", user_id as "userId", data, attempts`,
    { owner, leaseMs: options.leaseMs, limit: options.limit },
  );
  return result.rows;
}

/**
 * The outcome of one attempt. Each is recorded only while `owner` still holds the lease: if it expired
 * and another sender took the row over, that sender records instead (with the same idempotency key,
 * both attempts are the same email).
 */
export type EmailOutcome =
  | { status: 'sent'; providerMessageId: string }
  | { status: 'retry'; reason: string; delayMs: number }
  | { status: 'failed'; reason: string }
  | { status: 'suppressed'; reason: string };

/**
 * Records an attempt's outcome in one short statement; false when the lease was lost meanwhile.
 * `data`, when given, replaces the row's props (the sender passes them with their secrets removed).
 */
export async function recordOutcome(knex: Knex, id: string, owner: string, outcome: EmailOutcome, data?: Record<string, unknown>): Promise<boolean> {
  const release = { leaseOwner: null, leaseExpiresAt: null };
  const changes =
    outcome.status === 'sent'
      ? { ...release, status: 'sent', sentAt: knex.fn.now(), providerMessageId: outcome.providerMessageId, lastError: null }
      : outcome.status === 'retry'
        ? {
            ...release,
            status: 'pending',
            lastError: outcome.reason.slice(0, 2000),
            nextAttemptAt: knex.raw("now() + (? * interval '1 millisecond')", [Math.round(outcome.delayMs)]),
          }
        : { ...release, status: outcome.status, lastError: outcome.reason.slice(0, 2000) };
  const update = data === undefined || outcome.status === 'retry' ? changes : { ...changes, data: JSON.stringify(data) };
  const updated = await knex('emailOutbox').where({ id, leaseOwner: owner, status: 'sending' }).update(update);
  return updated === 1;
}
