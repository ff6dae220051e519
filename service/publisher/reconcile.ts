import { PLATFORM_NAMES, type PlatformId } from '#shared/platforms.js';
import type { Logger } from '../logger.js';
import { PlatformError, isPlatformError } from '../platforms/lib/errors.js';
import { leasedCheckpoint } from './checkpoint.js';
import { claimUnconfirmedTargets, releaseClaims } from './claim.js';
import { publishAccess } from './context.js';
import { runLeasedLoop, type RunCounts } from './leased-loop.js';
import type { LoadedTarget } from './load.js';
import type { TargetOutcome } from './outcome.js';
import { recordOutcome } from './record.js';
import { countPublishOutcome } from '../metrics/publish-outcomes.js';
import { backoffMs, publisherSettings, type PublisherSettings } from './settings.js';
import type { ClaimedTarget, PublisherDeps } from './types.js';

/**
 * The reconcile job: for each target whose last attempt had an unknown outcome, asks the network
 * (read-only, via the adapter's reconcile) whether the post exists. Found: published, with its remote id.
 * Not found: queued again — an irreversible step is only re-sent once the network says the post does
 * not exist. Cannot tell: asked again after a backoff, and after reconcileMaxChecks the target fails,
 * asking the person to look at their account before retrying.
 */
export async function reconcileTargets(deps: PublisherDeps, overrides: Partial<PublisherSettings> = {}): Promise<RunCounts> {
  const settings = publisherSettings(overrides);
  return runLeasedLoop(deps, settings, {
    claim: (limit) => claimUnconfirmedTargets(deps.knex, { owner: settings.workerId, leaseMs: settings.leaseMs, limit }),
    handle: (loaded) => reconcileOne(deps, settings, loaded),
    release: (targets) => releaseClaims(deps.knex, settings.workerId, targets, 'unconfirmed'),
  });
}

async function reconcileOne(deps: PublisherDeps, settings: PublisherSettings, loaded: LoadedTarget): Promise<TargetOutcome['status']> {
  const startedAt = new Date();
  const log = deps.logger.child({ targetId: loaded.target.id, platform: loaded.target.platform, check: loaded.target.reconcileChecks + 1 });
  const outcome = await check(deps, settings, loaded, log);
  const recorded = await recordOutcome(deps.knex, loaded.target, outcome, { owner: settings.workerId, startedAt });
  countPublishOutcome(deps.metrics, loaded.target.platform, outcome);
  log.info('unconfirmed target checked', { outcome: outcome.status, recorded, ...(outcome.status === 'published' ? {} : { reason: outcome.error?.message }) });
  return outcome.status;
}

async function check(deps: PublisherDeps, settings: PublisherSettings, loaded: LoadedTarget, log: Logger): Promise<TargetOutcome> {
  const { target } = loaded;
  try {
    if (!loaded.ok) throw loaded.error;
    const { platform, context } = publishAccess(deps.platforms, target.platform, log);
    const checkpoint = leasedCheckpoint(deps.knex, target, settings.workerId);
    const answer = await platform.reconcile(context, loaded.account, loaded.content, checkpoint, new Date(target.sinceMs ?? target.dueAtMs));
    if (answer.found === true) return { status: 'published', result: answer.result, attempt: 'confirmed_published' };
    if (answer.found === false) return { status: 'scheduled', runAt: new Date(), error: null, attempt: 'confirmed_absent', refundAttempt: false };
    return stillUnknown(target, settings, null, accountNameOf(loaded));
  } catch (error) {
    return stillUnknown(target, settings, error, accountNameOf(loaded));
  }
}

/** The network could not tell (or the check failed): ask again later, or give up and ask the person. */
function stillUnknown(target: ClaimedTarget, settings: PublisherSettings, error: unknown, accountName: string | null): TargetOutcome {
  const checks = target.reconcileChecks + 1;
  const auth = isPlatformError(error) && error.kind === 'auth';
  const details = isPlatformError(error) ? error.details : {};
  if (auth || checks >= settings.reconcileMaxChecks) {
    const message = couldNotConfirm(target.platform, accountName) + (auth ? ' The account must also be reconnected.' : '');
    return { status: 'failed', error: new PlatformError(auth ? 'auth' : 'unknown_outcome', message, details) };
  }
  const why = isPlatformError(error) ? error.message : `${PLATFORM_NAMES[target.platform]} could not tell yet whether the post exists.`;
  return {
    status: 'unconfirmed',
    runAt: new Date(Date.now() + Math.max(settings.unconfirmedDelayMs, backoffMs(settings, checks))),
    error: new PlatformError('unknown_outcome', why, details),
    reconcileChecks: checks,
  };
}

/** The message of a target whose outcome stays unknown: the person has to look before retrying. */
export function couldNotConfirm(platform: PlatformId, accountName: string | null): string {
  const network = PLATFORM_NAMES[platform];
  return `We could not confirm whether this post was published on ${network}; check your ${network} account${accountName ? ` “${accountName}”` : ''} before retrying, so it does not appear twice.`;
}

function accountNameOf(loaded: LoadedTarget): string | null {
  return loaded.ok ? loaded.accountName : null;
}
