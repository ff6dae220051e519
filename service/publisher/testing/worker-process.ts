/**
 * One publisher process for the exactly-once test (exactly-once.test.ts): runs the publish and reconcile
 * loops against the database and fake network named in its environment until SIGTERM (graceful) or
 * SIGKILL (a crash). Run with `node --import tsx`.
 */
import knex from 'knex';
import { knexOptions } from '../../db.js';
import { publishDueTargets } from '../publish-due.js';
import { reconcileTargets } from '../reconcile.js';
import type { PublisherSettings } from '../settings.js';
import { testPublisherDeps } from './deps.js';
import { testDirectory, testPlatform } from './test-platform.js';

const { DATABASE_URL, NETWORK_URL, WORKER_ID } = process.env;
if (!DATABASE_URL || !NETWORK_URL || !WORKER_ID) throw new Error('worker-process needs DATABASE_URL, NETWORK_URL and WORKER_ID');

/** Short leases and delays so faults resolve within seconds. */
const WORKER_SETTINGS: Partial<PublisherSettings> = {
  workerId: WORKER_ID,
  capacity: 16,
  perPlatform: 16,
  leaseMs: 3_000,
  maxAttempts: 4,
  backoffBaseMs: 200,
  backoffMaxMs: 1_000,
  unconfirmedDelayMs: 100,
  reconcileMaxChecks: 20,
  budgetMs: 2_000,
};

const controller = new AbortController();
process.on('SIGTERM', () => controller.abort());
const db = knex(knexOptions(DATABASE_URL, 4));
const deps = testPublisherDeps(db, NETWORK_URL, { platforms: testDirectory(NETWORK_URL, testPlatform('x', { createTimeoutMs: 1_000 })), signal: controller.signal });

while (!controller.signal.aborted) {
  try {
    await publishDueTargets(deps, WORKER_SETTINGS);
    await reconcileTargets(deps, WORKER_SETTINGS);
  } catch (error) {
    process.stderr.write(`${WORKER_ID}: ${(error as Error).stack}\n`);
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await db.destroy();
