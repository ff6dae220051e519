/**
 * The networks Minopa publishes to. The id is stored in the database and travels in the API; the name is
 * what people read. Per-network content rules live in shared/publishing/.
 */
export const PLATFORM_IDS = ['instagram', 'facebook', 'linkedin', 'x', 'threads', 'tiktok', 'pinterest', 'youtube'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export const PLATFORM_NAMES: Record<PlatformId, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  x: 'X',
  threads: 'Threads',
  tiktok: 'TikTok',
  pinterest: 'Pinterest',
  youtube: 'YouTube',
};

export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === 'string' && (PLATFORM_IDS as readonly string[]).includes(value);
}

/**
 * What kind of thing on the network an account is: a person's profile, a Facebook Page, an Instagram
 * business account, a LinkedIn organization, a YouTube channel.
 */
export const ACCOUNT_KINDS = ['profile', 'page', 'business', 'organization', 'channel'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/**
 * Why a publish attempt failed, as a closed set (DESIGN.md convention 4): decided from status codes and
 * vendor error codes, never from message text.
 * - auth: the token is invalid or lacks a permission; the account must be reconnected.
 * - rate_limited: the network asked us to slow down; retried after its Retry-After.
 * - invalid_content: the network refused the content; retrying the same content cannot help.
 * - transient: a 5xx or a connection failure before anything irreversible; retried with backoff.
 * - unknown_outcome: the irreversible request may or may not have taken effect; reconciled before any retry.
 */
export const FAILURE_KINDS = ['auth', 'rate_limited', 'invalid_content', 'transient', 'unknown_outcome'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/**
 * A target's life: draft (channel picked, not scheduled) → scheduled → publishing (leased by a worker) →
 * published | failed | unconfirmed (outcome unknown, being reconciled) ; cancelled by a person.
 */
export const TARGET_STATUSES = ['draft', 'scheduled', 'publishing', 'published', 'failed', 'unconfirmed', 'cancelled'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const ACCOUNT_STATUSES = ['active', 'reconnect_needed', 'disconnected'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
