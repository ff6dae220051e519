import type { Knex } from 'knex';

/** A scrape waits at most this long for the database: a scrape must never hang on a busy database. */
export const GAUGE_STATEMENT_TIMEOUT_MS = 2_000;

/** The queue figures the metrics endpoint reports. */
export interface QueueGauges {
  /** post_targets the publisher would claim now: status 'scheduled' and run_at passed (see publisher/claim.ts). */
  dueTargets: number;
  /** Seconds since the run_at of the longest-waiting of them; 0 when none waits. */
  oldestDueLatenessSeconds: number;
  /** email_outbox rows still to send (status 'pending', including retries waiting for next_attempt_at). */
  outboxPending: number;
  /** Seconds since the oldest due pending email became due; 0 when none. */
  outboxOldestDueAgeSeconds: number;
}

/**
 * One short transaction with a statement timeout, so a locked or overloaded database makes
 * the scrape fail fast (the caller reports the gauges as down) instead of piling up scrapes. Both
 * counts use the partial indexes the publisher's claim and the outbox sender use.
 */
export async function readQueueGauges(knex: Knex): Promise<QueueGauges> {
  return knex.transaction(async (trx) => {
      await trx.raw(`set local statement_timeout = ${GAUGE_STATEMENT_TIMEOUT_MS}`);
      const { rows } = await trx.raw<{ rows: Array<Record<keyof QueueGauges, string | number | null>> }>(`
        select
          (select count(*) from post_targets where status = 'scheduled' and run_at <= now()) as "dueTargets",
          (select extract(epoch from now() - min(run_at)) from post_targets where status = 'scheduled' and run_at <= now()) as "oldestDueLatenessSeconds",
          (select count(*) from email_outbox where status = 'pending') as "outboxPending",
          (select extract(epoch from now() - min(next_attempt_at)) from email_outbox where status = 'pending' and next_attempt_at <= now()) as "outboxOldestDueAgeSeconds"`);
      const row = rows[0]!;
      // count() is a bigint and extract() a numeric: the driver hands both over as strings.
      return {
        dueTargets: Number(row.dueTargets ?? 0),
        oldestDueLatenessSeconds: Math.max(0, Number(row.oldestDueLatenessSeconds ?? 0)),
        outboxPending: Number(row.outboxPending ?? 0),
        outboxOldestDueAgeSeconds: Math.max(0, Number(row.outboxOldestDueAgeSeconds ?? 0)),
      };
  });
}
