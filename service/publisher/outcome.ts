import type { PlatformError } from '../platforms/lib/errors.js';
import type { PublishResult } from '../platforms/types.js';

/** The attempt outcomes publish_attempts knows. */
export type AttemptOutcome = 'published' | 'retrying' | 'failed' | 'unconfirmed' | 'confirmed_published' | 'confirmed_absent';

/** What becomes of a target after one attempt or one reconcile check. */
export type TargetOutcome =
  | { status: 'published'; result: PublishResult; attempt: 'published' | 'confirmed_published' }
  /** Back in the queue: a retry after a failure, or a resend once the network said the post does not exist. */
  | { status: 'scheduled'; runAt: Date; error: PlatformError | null; attempt: 'retrying' | 'confirmed_absent'; refundAttempt: boolean }
  /** The outcome is unknown: the reconcile job asks the network at `runAt`. */
  | { status: 'unconfirmed'; runAt: Date; error: PlatformError; reconcileChecks: number }
  | { status: 'failed'; error: PlatformError }
  /** The lease was lost mid-attempt: the target is another worker's now; only the attempt is recorded. */
  | { status: 'lost'; error: PlatformError };

/** The publish_attempts outcome of a target outcome. */
export function attemptOutcomeOf(outcome: TargetOutcome): AttemptOutcome {
  switch (outcome.status) {
    case 'published':
    case 'scheduled':
      return outcome.attempt;
    case 'unconfirmed':
    case 'lost':
      return 'unconfirmed';
    case 'failed':
      return 'failed';
  }
}
