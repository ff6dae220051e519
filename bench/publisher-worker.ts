/**
 * One publisher process of the publisher benchmark's whole path (bench/lib/publisher-path.ts): the
 * service's own scheduler running the service's own publish and reconcile jobs (service/jobs/schedule.ts),
 * with the configuration read from the environment as service/main.ts reads it — X's addresses point at
 * the benchmark's simulator. No HTTP server and no other job, so nothing else competes for the machine.
 * Run with `node --import tsx`; stops on SIGTERM after finishing what it holds.
 */
import { loadConfig } from '../service/config.js';
import { openDatabase } from '../service/db.js';
import { JOBS } from '../service/jobs/schedule.js';
import { startScheduler } from '../service/jobs/scheduler.js';
import { createLogger } from '../service/logger.js';
import { createStorage } from '../service/storage/index.js';

/** The jobs a publisher process runs; their schedules are the service's. */
const PUBLISHER_JOBS = new Set(['publish-due-targets', 'reconcile-targets']);

const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
const db = await openDatabase(config);
await db.knex.raw('select 1');
const scheduler = startScheduler({ knex: db.knex, config, logger, storage: createStorage(config), jobs: JOBS.filter((job) => PUBLISHER_JOBS.has(job.name)) });

process.on('SIGTERM', () => {
  void scheduler
    .stop()
    .finally(() => db.close())
    .then(() => process.exit(0));
});
process.send!({ ready: true });
