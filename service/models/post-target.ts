import { Model } from 'objection';
import type { FailureKind, PlatformId, TargetStatus } from '#shared/platforms.js';

/** Where a post goes: one connected account, with that channel's overrides (migration create-post-targets). */
export class PostTarget extends Model {
  static override tableName = 'post_targets';

  declare id: string;
  declare workspaceId: string;
  declare postId: string;
  declare accountId: string;
  declare platform: PlatformId;
  declare status: TargetStatus;
  /** Validated by shared/publishing: text, title, firstComment, threadParts, options. */
  declare overrides: Record<string, unknown>;
  declare dueAt: Date | null;
  /** When a worker should next take it (due time, a retry's backoff, the next reconcile check). */
  declare runAt: Date | null;
  declare leaseOwner: string | null;
  declare leaseExpiresAt: Date | null;
  declare attempts: number;
  declare idempotencyKey: string;
  /** The adapter's checkpoint (platforms/types.ts Checkpoint). */
  declare progress: Record<string, unknown>;
  declare remoteId: string | null;
  declare remoteUrl: string | null;
  declare publishedAt: Date | null;
  declare failureKind: FailureKind | null;
  declare failureCode: string | null;
  declare failureMessage: string | null;
  declare metricsFetchedAt: Date | null;
  declare createdAt: Date;
  declare updatedAt: Date;
}
