import type { Server } from 'node:http';
import type { Database } from '../db.js';
import type { Scheduler } from '../jobs/scheduler.js';
import type { Logger } from '../logger.js';
import { releaseLeases } from './release-leases.js';
import type { TrackedConnections } from './connections.js';

/** What a shutdown stops, in order. */
export interface ShutdownParts {
  server: Server;
  /** The server's connections (trackConnections): quiet ones are closed, and requests the deadline cuts off are named. */
  connections?: TrackedConnections;
  scheduler?: Scheduler | undefined;
  db: Database;
  logger: Logger;
  /** How long requests and job runs in flight get to finish before their connections are cut. */
  timeoutMs: number;
  /** Flushes what is left to flush (error reports) last. */
  flush?: () => Promise<void>;
}

/** How often idle keep-alive connections are closed while draining (one may turn idle at any moment). */
const IDLE_SWEEP_MS = 100;
/**
 * A connection that has carried no request for this long is closed too: long enough for a client that
 * connected just before the shutdown to send its request, short next to any deadline.
 */
const QUIET_CONNECTION_MS = 1_000;
/** After the deadline, how long closing the database may take (a query cut off mid-way may hold a connection). */
const DB_CLOSE_MS = 5_000;

/**
 * Stops the service without losing work, logging each phase and how long it took:
 * 1. the listening socket closes (new connections are refused), and so do connections that carry no request
 *    (idle keep-alive ones, and ones a browser opened ahead of need and never used);
 * 2. the scheduler stops claiming (its signal aborts: the publisher hands back targets it had not started)
 *    while requests and publishes in flight finish — both within `timeoutMs`, after which the remaining
 *    connections are cut;
 * 3. leases this process still holds are given back (release-leases.ts), so other instances carry on at once;
 * 4. the database closes.
 * Resolves once done (main.ts then exits 0); only a failure to close rejects.
 */
export async function shutDown(parts: ShutdownParts): Promise<void> {
  const { server, scheduler, db, logger, timeoutMs } = parts;
  const begun = performance.now();
  const since = (start: number) => Math.round(performance.now() - start);
  let phase = performance.now();

  const requestsDone = new Promise<void>((resolve) => server.close(() => resolve()));
  const closeIdle = () => {
    server.closeIdleConnections();
    parts.connections?.closeQuiet(QUIET_CONNECTION_MS);
  };
  closeIdle();
  const idleSweep = setInterval(closeIdle, IDLE_SWEEP_MS);
  logger.info('shutdown: no longer accepting connections', { ms: since(phase), timeoutMs });

  phase = performance.now();
  const timings: { requestsMs?: number; jobsMs?: number } = {};
  const drained = Promise.all([
    requestsDone.then(() => (timings.requestsMs = since(phase))),
    (scheduler?.stop() ?? Promise.resolve()).then(() => (timings.jobsMs = since(phase))),
  ]);
  let deadline: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    drained.then(() => false),
    new Promise<true>((resolve) => (deadline = setTimeout(() => resolve(true), timeoutMs))),
  ]);
  clearTimeout(deadline);
  clearInterval(idleSweep);
  if (timedOut) {
    const cutOff = parts.connections?.requestsInFlight() ?? [];
    server.closeAllConnections();
    logger.warn('shutdown: deadline reached, cutting off what is still in flight', {
      ms: since(phase),
      requestsFinished: timings.requestsMs !== undefined,
      jobsFinished: timings.jobsMs !== undefined,
      // The oldest few: enough to tell what held the shutdown up.
      requests: cutOff.slice(0, 10),
    });
  } else {
    logger.info('shutdown: requests and job runs in flight finished', { ms: since(phase), ...timings });
  }

  phase = performance.now();
  try {
    const released = await releaseLeases(db.knex);
    logger.info('shutdown: leases released', { ms: since(phase), released });
  } catch (error) {
    // They still run out on their own; not worth failing the shutdown over.
    logger.error('shutdown: could not release leases (they will expire instead)', { ms: since(phase), error });
  }

  phase = performance.now();
  await withLimit(db.close(), timedOut ? DB_CLOSE_MS : Number.POSITIVE_INFINITY);
  logger.info('shutdown: database closed', { ms: since(phase) });
  await parts.flush?.();
  logger.info('shutdown: done', { ms: since(begun) });
}

/** Waits for `promise`, at most `ms` (then carries on: the process exits right after anyway). */
async function withLimit(promise: Promise<unknown>, ms: number): Promise<void> {
  if (!Number.isFinite(ms)) {
    await promise;
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
