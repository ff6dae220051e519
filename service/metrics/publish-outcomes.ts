import type { PlatformId } from '#shared/platforms.js';
import { attemptOutcomeOf, type TargetOutcome } from '../publisher/outcome.js';
import type { ServiceMetrics } from './service-metrics.js';

/**
 * Counts one recorded publish or reconcile outcome under the names publish_attempts uses (published,
 * retrying, failed, unconfirmed, confirmed_published, confirmed_absent) with the failure kind (auth,
 * rate_limited, transient, …; `none` when nothing failed), so a dashboard can tell "X is rate limiting
 * us" from "LinkedIn tokens expired" at a glance.
 */
export function countPublishOutcome(metrics: ServiceMetrics | undefined, network: PlatformId, outcome: TargetOutcome): void {
  if (!metrics) return;
  const kind = outcome.status === 'published' ? 'none' : (outcome.error?.kind ?? 'none');
  metrics.publishOutcomes.inc({ network, outcome: attemptOutcomeOf(outcome), kind });
}
