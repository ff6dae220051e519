import { INSTANCE_ID } from '../lib/instance-id.js';

/**
 * The publisher's tuning. The defaults suit production; tests shrink the delays. Every limit here is per
 * process: cross-process exclusivity comes from the row leases, never from these numbers.
 */
export interface PublisherSettings {
  /** Who holds a lease: one id per process (host, pid, random), so a lease names the process that took it. */
  workerId: string;
  /** Targets in flight or waiting in one process; a claim tops the pool up to this. */
  capacity: number;
  /** Publishes in flight at once per network (its rate limits are per app as well as per account). */
  perPlatform: number;
  /** Publishes in flight at once per connected account (networks dislike parallel posts by one account). */
  perAccount: number;
  /**
   * How long a claim holds without renewal; the worker renews its leases every third of it while it runs.
   * A crashed worker's targets are taken over by the reconcile job once it has passed.
   */
  leaseMs: number;
  /** Publish attempts in all (transient failures); after the last, the target fails. */
  maxAttempts: number;
  /** Backoff of transient failures: up to base × 2^(attempt−1), capped, with full jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A rate-limited target gives up once it is this late (rate limits do not count as attempts). */
  rateLimitGiveUpMs: number;
  /** Wait before the first reconcile check of an unknown outcome (the network may need a moment to list it). */
  unconfirmedDelayMs: number;
  /** Reconcile checks that could not tell before the target fails with "check your account". */
  reconcileMaxChecks: number;
  /** A run stops claiming after this long (the next tick continues), so a shutdown is not held up. */
  budgetMs: number;
  /** How long the signed media addresses handed to networks stay valid (some fetch them minutes later). */
  mediaUrlTtlMs: number;
}


export const DEFAULT_PUBLISHER_SETTINGS: PublisherSettings = {
  workerId: INSTANCE_ID,
  capacity: 64,
  perPlatform: 32,
  perAccount: 1,
  leaseMs: 2 * 60_000,
  maxAttempts: 5,
  backoffBaseMs: 30_000,
  backoffMaxMs: 30 * 60_000,
  rateLimitGiveUpMs: 24 * 60 * 60_000,
  unconfirmedDelayMs: 30_000,
  reconcileMaxChecks: 6,
  budgetMs: 50_000,
  mediaUrlTtlMs: 24 * 60 * 60_000,
};

/** The defaults with a caller's overrides. */
export function publisherSettings(overrides: Partial<PublisherSettings> = {}): PublisherSettings {
  return { ...DEFAULT_PUBLISHER_SETTINGS, ...overrides };
}

/**
 * Delay before retry number `attempt` (1 = after the first failure): exponential with full jitter
 * (uniform in [0, cap]), so targets that failed together in an outage do not come back together.
 */
export function backoffMs(settings: Pick<PublisherSettings, 'backoffBaseMs' | 'backoffMaxMs'>, attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * cap);
}
