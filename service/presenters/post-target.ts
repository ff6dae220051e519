import type { PostTarget } from '#shared/api/publishing.js';
import type { TargetOverrides } from '#shared/publishing/content.js';
import type { TargetRow } from '../actions/load-post-targets.js';

/**
 * A target as the API shows it: where it goes (the account's public profile fields, P9), its status,
 * due time in UTC, the link once published and why it failed. Leases, checkpoints, idempotency keys
 * and remote ids stay inside.
 */
export function presentPostTarget(target: TargetRow): PostTarget {
  return {
    id: target.id,
    postId: target.postId,
    platform: target.platform,
    account: { id: target.accountId, name: target.accountName, username: target.accountUsername, avatarUrl: target.accountAvatarUrl, status: target.accountStatus },
    status: target.status,
    overrides: target.overrides as TargetOverrides,
    dueAt: target.dueAt ? target.dueAt.toISOString() : null,
    publishedAt: target.publishedAt ? target.publishedAt.toISOString() : null,
    remoteUrl: target.remoteUrl,
    failure: target.failureKind ? { kind: target.failureKind, code: target.failureCode, message: target.failureMessage } : null,
    attempts: target.attempts,
    updatedAt: target.updatedAt.toISOString(),
  };
}

/** A post's targets with the post's resulting status. */
export function presentPostTargets(postId: string, result: { postStatus: string; targets: TargetRow[] }) {
  return { postId, postStatus: result.postStatus, items: result.targets.map(presentPostTarget) };
}
