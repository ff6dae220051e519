import type { Knex } from 'knex';
import type { PlatformId } from '#shared/platforms.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import type { PlatformDirectory } from '../platforms/directory.js';
import type { BlobStorage } from '../storage/index.js';

/** What the publisher's jobs need (a subset of JobDeps plus the networks). */
export interface PublisherDeps {
  knex: Knex;
  config: Pick<Config, 'tokenKeys' | 'publicUrl'>;
  logger: Logger;
  storage: BlobStorage;
  platforms: PlatformDirectory;
  /** Aborted on shutdown: stop claiming, hand back what has not started, finish what is in flight. */
  signal?: AbortSignal | undefined;
  /** Counts each recorded outcome (minopa_publish_outcomes_total); absent in most tests. */
  metrics?: ServiceMetrics | undefined;
}

/** A target as a claim returns it (its lease is held by the claimer). */
export interface ClaimedTarget {
  id: string;
  postId: string;
  accountId: string;
  platform: PlatformId;
  overrides: Record<string, unknown>;
  progress: Record<string, unknown>;
  /** Publish attempts so far, this one included. */
  attempts: number;
  reconcileChecks: number;
  idempotencyKey: string;
  /**
   * When the target was due, in epoch milliseconds. Numbers, not Dates: the claim runs back to back under a
   * burst, and formatting and parsing a timestamp per row was a third of what the claim cost its worker
   * beyond a bare claim (bench: `npm run bench -- publisher`, worker CPU µs/job).
   */
  dueAtMs: number;
  /** Reconcile claims: the earliest moment an attempt at this target may have started, in epoch milliseconds. */
  sinceMs?: number;
}
