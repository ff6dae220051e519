import type { FailureKind } from '#shared/platforms.js';

/** What a person can do about a failed target, by failure kind (the "how to fix it" of the failed alert, P10). */
export function howToFix(kind: FailureKind | null, network: string): string {
  switch (kind) {
    case 'auth':
      return `Reconnect your ${network} account in Minopa, then retry the post.`;
    case 'invalid_content':
      return `Edit the post so ${network} accepts it, then retry it.`;
    case 'rate_limited':
      return `${network} limits how often an account may post; retry the post in a while.`;
    case 'transient':
      return `${network} had problems for a while; retry the post when it works again.`;
    case 'unknown_outcome':
      return `Look at your ${network} account: if the post is there, there is nothing to do; if not, retry it.`;
    case null:
      return 'Open the post and retry it.';
  }
}

/** The address of a post in Minopa, for the links in publishing emails. */
export function postUrl(publicUrl: string, postId: string): string {
  return `${publicUrl}/posts/${encodeURIComponent(postId)}`;
}
