import { PLATFORM_NAMES, type PlatformId } from '#shared/platforms.js';
import { PlatformError, isPlatformError } from '../platforms/lib/errors.js';
import { LeaseLostError } from './checkpoint.js';
import type { TargetOutcome } from './outcome.js';
import { backoffMs, type PublisherSettings } from './settings.js';
import type { ClaimedTarget } from './types.js';

/**
 * What a failed publish attempt leads to (issue 4, "The publisher"), from the error's kind alone:
 * - transient: retried after an exponential backoff with full jitter, until maxAttempts, then failed;
 * - rate_limited: retried after the network's Retry-After (or the backoff) and not counted as an
 *   attempt, until the target is rateLimitGiveUpMs late;
 * - invalid_content, auth: failed (auth also marks the account, see record.ts);
 * - unknown_outcome: unconfirmed, for the reconcile job — never resent blindly.
 * `error` may be anything thrown by an adapter: an unexpected exception inside publish may have come
 * after the post went out, so its outcome is unknown too.
 */
export function decideAfterError(target: Pick<ClaimedTarget, 'attempts' | 'dueAtMs' | 'platform'>, thrown: unknown, settings: PublisherSettings, now = Date.now()): TargetOutcome {
  const error = asPlatformError(thrown, target.platform);
  if (thrown instanceof LeaseLostError) return { status: 'lost', error };
  switch (error.kind) {
    case 'transient':
      if (target.attempts >= settings.maxAttempts) {
        return { status: 'failed', error: withMessage(error, `${error.message} We tried ${target.attempts} times; retry the post when ${PLATFORM_NAMES[target.platform]} works again.`) };
      }
      return { status: 'scheduled', runAt: new Date(now + backoffMs(settings, target.attempts)), error, attempt: 'retrying', refundAttempt: false };
    case 'rate_limited':
      if (now - target.dueAtMs > settings.rateLimitGiveUpMs) {
        return { status: 'failed', error: withMessage(error, `${PLATFORM_NAMES[target.platform]} kept asking us to slow down for too long, so this post was not published. Retry it later.`) };
      }
      return { status: 'scheduled', runAt: new Date(now + (error.retryAfterMs ?? backoffMs(settings, target.attempts))), error, attempt: 'retrying', refundAttempt: true };
    case 'unknown_outcome':
      return { status: 'unconfirmed', runAt: new Date(now + settings.unconfirmedDelayMs), error, reconcileChecks: 0 };
    case 'invalid_content':
    case 'auth':
      return { status: 'failed', error };
  }
}

/** An adapter's error as a PlatformError; anything else thrown while publishing has an unknown outcome. */
export function asPlatformError(thrown: unknown, platform: PlatformId): PlatformError {
  if (isPlatformError(thrown)) return thrown;
  if (thrown instanceof LeaseLostError) {
    return new PlatformError('unknown_outcome', 'Another worker took this post over after ours stalled; it decides what happens next.');
  }
  const why = thrown instanceof Error ? thrown.message : String(thrown);
  return new PlatformError(
    'unknown_outcome',
    `Publishing to ${PLATFORM_NAMES[platform]} stopped unexpectedly (${why}), so we do not know yet whether it went out. We will check before trying again.`,
  );
}

function withMessage(error: PlatformError, message: string): PlatformError {
  return new PlatformError(error.kind, message, error.details, error.retryAfterMs);
}
