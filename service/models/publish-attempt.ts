import { Model } from 'objection';
import type { FailureKind } from '#shared/platforms.js';
import type { AttemptOutcome } from '../publisher/outcome.js';

/**
 * One attempt at publishing a target, or one reconcile check (migration create-publish-attempts): when,
 * the outcome, the failure kind and what the network said. Never tokens or request bodies.
 */
export class PublishAttempt extends Model {
  static override tableName = 'publish_attempts';

  /** bigint identity: pg hands it over as a string. */
  declare id: string;
  declare targetId: string;
  declare startedAt: Date;
  declare finishedAt: Date;
  declare outcome: AttemptOutcome;
  declare failureKind: FailureKind | null;
  declare httpStatus: number | null;
  declare vendorCode: string | null;
  declare vendorMessage: string | null;
  declare vendorRequestId: string | null;
  /** The worker (host:pid:random) that made the attempt. */
  declare worker: string;
}
