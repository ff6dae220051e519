import type { Knex } from 'knex';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { readQueueGauges } from './queue-gauges.js';

/**
 * The service's Prometheus metrics, in a registry of their own (never prom-client's global one), so
 * several apps in one test process, or an app and its scheduler, never collide over metric names.
 * main.ts makes one and hands it to both the app and the scheduler, so one scrape shows both.
 */
export interface ServiceMetrics {
  registry: Registry;
  /** Requests answered, by method, route template (`unmatched` when no route took it) and status code. */
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  /**
   * Publish and reconcile outcomes, by network, outcome (publish_attempts' names: published, retrying,
   * failed, unconfirmed, confirmed_published, confirmed_absent) and failure kind (`none` when published).
   */
  publishOutcomes: Counter<'network' | 'outcome' | 'kind'>;
  /** Scheduled job runs, by job name and outcome (ok or error). */
  jobDuration: Histogram<'job' | 'outcome'>;
  /**
   * Reads the gauges that come from the database (due targets waiting, outbox backlog) just before a
   * scrape; a no-op for metrics made without a database (the scheduler's fallback).
   */
  refreshDatabaseGauges(): Promise<void>;
}

/** Makes the metrics; with `knex`, the database gauges too (read at scrape time, see queue-gauges.ts). */
export function createMetrics(options: { knex?: Knex } = {}): ServiceMetrics {
  const registry = new Registry();
  const httpRequests = new Counter({ name: 'minopa_http_requests_total', help: 'HTTP requests answered, by method, route template and status code.', labelNames: ['method', 'route', 'status'] as const, registers: [registry] });
  const httpDuration = new Histogram({
    name: 'minopa_http_request_duration_seconds',
    help: 'Time from a request arriving to its response being done, by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const publishOutcomes = new Counter({ name: 'minopa_publish_outcomes_total', help: 'Publish and reconcile attempt outcomes, by network, outcome and failure kind.', labelNames: ['network', 'outcome', 'kind'] as const, registers: [registry] });
  const jobDuration = new Histogram({
    name: 'minopa_job_run_duration_seconds',
    help: 'Duration of scheduled job runs, by job and outcome (ok or error).',
    labelNames: ['job', 'outcome'] as const,
    // The publisher's run lasts up to 50 s by design; most others take milliseconds.
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 30, 60, 120, 300],
    registers: [registry],
  });
  const refreshDatabaseGauges = options.knex ? databaseGauges(registry, options.knex) : async () => {};
  return { registry, httpRequests, httpDuration, publishOutcomes, jobDuration, refreshDatabaseGauges };
}

function databaseGauges(registry: Registry, knex: Knex): () => Promise<void> {
  const gauge = (name: string, help: string) => new Gauge({ name, help, registers: [registry] });
  const dueWaiting = gauge('minopa_publish_due_targets_waiting', 'Targets due to publish (scheduled, run_at passed) that no worker has claimed yet.');
  const oldestLateness = gauge('minopa_publish_oldest_due_lateness_seconds', 'How long the longest-waiting due target has been due (0 when none waits).');
  const outboxPending = gauge('minopa_email_outbox_pending', 'Emails in the outbox waiting to be sent (status pending, retries included).');
  const outboxOldest = gauge('minopa_email_outbox_oldest_due_age_seconds', 'How long the oldest due pending email has been due (0 when none).');
  const up = gauge('minopa_database_gauges_up', '1 when the database gauges could be read at this scrape, 0 when the query failed or timed out.');
  return async () => {
    try {
      const read = await readQueueGauges(knex);
      dueWaiting.set(read.dueTargets);
      oldestLateness.set(read.oldestDueLatenessSeconds);
      outboxPending.set(read.outboxPending);
      outboxOldest.set(read.outboxOldestDueAgeSeconds);
      up.set(1);
    } catch {
      // A slow or unreachable database must not fail the scrape: the request metrics are still worth
      // having, and `up` 0 says why the queue gauges are stale.
      up.set(0);
    }
  };
}
