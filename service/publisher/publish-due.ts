import type { Logger } from '../logger.js';
import { isPlatformError, PlatformError } from '../platforms/lib/errors.js';
import { leasedCheckpoint } from './checkpoint.js';
import { claimDueTargets, releaseClaims } from './claim.js';
import { publishAccess, type PlatformAccess } from './context.js';
import { decideAfterError } from './decide.js';
import { runLeasedLoop, type RunCounts } from './leased-loop.js';
import type { LoadedTarget } from './load.js';
import type { TargetOutcome } from './outcome.js';
import { recordOutcome } from './record.js';
import { countPublishOutcome } from '../metrics/publish-outcomes.js';
import { publisherSettings, type PublisherSettings } from './settings.js';
import type { PublisherDeps } from './types.js';

/**
 * The publisher (issue 4, "The publisher"; DESIGN.md convention 5): claims due targets with a lease,
 * publishes each with no transaction open through its network's adapter — resumable from the target's
 * checkpoint, with the target's idempotency key — and records the outcome. Safe on any number of
 * processes at once: a target is only ever worked on by the holder of its lease.
 */
export async function publishDueTargets(deps: PublisherDeps, overrides: Partial<PublisherSettings> = {}): Promise<RunCounts> {
  const settings = publisherSettings(overrides);
  return runLeasedLoop(deps, settings, {
    claim: (limit) => claimDueTargets(deps.knex, { owner: settings.workerId, leaseMs: settings.leaseMs, limit }),
    handle: (loaded) => publishOne(deps, settings, loaded),
    release: (targets) => releaseClaims(deps.knex, settings.workerId, targets, 'scheduled'),
  });
}

async function publishOne(deps: PublisherDeps, settings: PublisherSettings, loaded: LoadedTarget): Promise<TargetOutcome['status']> {
  const startedAt = new Date();
  const log = deps.logger.child({ targetId: loaded.target.id, platform: loaded.target.platform, attempt: loaded.target.attempts });
  const outcome = await attempt(deps, settings, loaded, log);
  const recorded = await recordOutcome(deps.knex, loaded.target, outcome, { owner: settings.workerId, startedAt });
  countPublishOutcome(deps.metrics, loaded.target.platform, outcome);
  logOutcome(log, outcome, recorded);
  return outcome.status;
}

/** One publish attempt; every failure becomes an outcome. */
async function attempt(deps: PublisherDeps, settings: PublisherSettings, loaded: LoadedTarget, log: Logger): Promise<TargetOutcome> {
  const { target } = loaded;
  let access: PlatformAccess;
  try {
    if (!loaded.ok) throw loaded.error;
    access = publishAccess(deps.platforms, target.platform, log);
  } catch (error) {
    // Nothing was sent yet: whatever went wrong before the adapter ran is at worst transient.
    return decideAfterError(target, isPlatformError(error) ? error : new PlatformError('transient', `Publishing could not start (${(error as Error).message}).`), settings);
  }
  try {
    const checkpoint = leasedCheckpoint(deps.knex, target, settings.workerId);
    const result = await access.platform.publish(access.context, loaded.account, loaded.content, checkpoint, target.idempotencyKey);
    return { status: 'published', result, attempt: 'published' };
  } catch (error) {
    return decideAfterError(target, error, settings);
  }
}

function logOutcome(log: Logger, outcome: TargetOutcome, recorded: boolean): void {
  if (outcome.status === 'published') {
    log.info(recorded ? 'target published' : 'target published, but another worker had taken it over', { remoteId: outcome.result.remoteId });
    return;
  }
  const fields = { outcome: outcome.status, kind: outcome.error?.kind, reason: outcome.error?.message, vendorCode: outcome.error?.details.vendorCode, recorded };
  if (outcome.status === 'failed') log.error('target failed', fields);
  else log.warn(outcome.status === 'lost' ? 'target lease lost mid-attempt' : 'target not published yet', fields);
}
