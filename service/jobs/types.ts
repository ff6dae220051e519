import type { Knex } from 'knex';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import type { PlatformDirectory } from '../platforms/directory.js';
import type { BlobStorage } from '../storage/index.js';

/** What every job receives. Add fields here when a job needs more (e.g. storage), and pass them in scheduler.ts. */
export interface JobDeps {
  knex: Knex;
  config: Config;
  logger: Logger;
  /** Media files (the capture-media job stores what it fetches). */
  storage: BlobStorage;
  /** The networks (adapters + settings) jobs call; absent: the registry with the configured settings (tests pass their own). */
  platforms?: PlatformDirectory;
  /** Aborted when the service stops: a long run should stop claiming new work and return. */
  signal?: AbortSignal;
  /** Where outcomes are counted (the publisher's); absent when a test calls `run` directly. */
  metrics?: ServiceMetrics;
}

/** One scheduled job. */
export interface JobDefinition {
  /** Unique, kebab-case; appears in logs. */
  name: string;
  /** A croner pattern; six fields means seconds first, e.g. '*\/5 * * * * *' is every 5 seconds. */
  schedule: string;
  /**
   * One run. It must be safe on any number of instances at once: claim work through Postgres rows
   * (`FOR UPDATE SKIP LOCKED`, leases), never rely on being the only runner.
   */
  run(deps: JobDeps): Promise<void>;
}
