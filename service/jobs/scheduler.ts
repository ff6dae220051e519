import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { Knex } from 'knex';
import type { Config } from '../config.js';
import type { ErrorReporter } from '../lib/error-reporting.js';
import type { Logger } from '../logger.js';
import { createMetrics, type ServiceMetrics } from '../metrics/service-metrics.js';
import { type PlatformDirectory, platformDirectory } from '../platforms/directory.js';
import type { BlobStorage } from '../storage/index.js';
import { JOBS } from './schedule.js';
import type { JobDefinition } from './types.js';

/** Running schedules; `stop()` resolves once no run is in flight any more. */
export interface Scheduler {
  /** Names of the scheduled jobs. */
  readonly jobs: string[];
  stop(): Promise<void>;
}

/** What the scheduler needs. */
export interface StartSchedulerOptions {
  knex: Knex;
  config: Config;
  logger: Logger;
  storage: BlobStorage;
  /** The networks jobs call; default: the platform registry with the configured (or sandbox) settings. */
  platforms?: PlatformDirectory;
  /** Defaults to JOBS (tests pass their own). */
  jobs?: JobDefinition[];
  /** Failed runs go here besides the log (Sentry, when configured). */
  errorReporter?: ErrorReporter;
  /** Where run durations and publish outcomes are counted (main.ts shares the app's); default: a registry of its own. */
  metrics?: ServiceMetrics;
}

/**
 * Starts a croner tick per job. `protect` skips a tick while the previous run of the same job is still
 * going (in this process only — cross-instance exclusivity is the job's row claims); a failed run is
 * logged and the next tick tries again.
 */
export function startScheduler(options: StartSchedulerOptions): Scheduler {
  const controller = new AbortController();
  const platforms = options.platforms ?? platformDirectory(options.config);
  const inFlight = new Set<Promise<void>>();
  const metrics = options.metrics ?? createMetrics();
  const crons = (options.jobs ?? JOBS).map((job) => {
    const jobLogger = options.logger.child({ job: job.name });
    return new Cron(job.schedule, { name: job.name, protect: true, catch: (error) => {
      jobLogger.error('job failed', { error });
      options.errorReporter?.report(error, { job: job.name });
    } }, async () => {
      if (controller.signal.aborted) return;
      // Every line of one run carries its runId, so a run's story can be read out of interleaved logs.
      const runId = randomUUID();
      const logger = jobLogger.child({ runId });
      const started = performance.now();
      const run = job.run({ knex: options.knex, config: options.config, logger, storage: options.storage, platforms, signal: controller.signal, metrics });
      inFlight.add(run);
      let outcome: 'ok' | 'error' = 'error';
      try {
        await run;
        outcome = 'ok';
      } catch (error) {
        logger.error('job failed', { error });
        options.errorReporter?.report(error, { job: job.name });
      } finally {
        inFlight.delete(run);
        metrics.jobDuration.observe({ job: job.name, outcome }, (performance.now() - started) / 1000);
      }
    });
  });
  options.logger.info('jobs scheduled', { jobs: crons.map((cron) => cron.name) });
  return {
    jobs: crons.map((cron) => cron.name ?? ''),
    async stop() {
      controller.abort();
      for (const cron of crons) cron.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}
