import { storage } from 'wxt/utils/storage';
import type { Me } from '#shared/api/auth.js';
import type { CaptureInput } from '#shared/api/captures.js';
import type { FieldError } from '#shared/error-codes.js';
import type { Role } from '#shared/roles.js';
import type { PlatformId } from '#shared/platforms.js';
import type { ConsentChoices } from '#shared/privacy/consent.js';
import type { UsageClient, UsageEventName } from '#shared/privacy/usage.js';

/**
 * Every storage item of the extension, in `storage.local` (never `sync`: the session token must not
 * leave this browser). Each item is versioned so a later shape change ships a migration instead of
 * silently misreading old data. Keys in `chrome.storage.local` are the part after `local:`.
 */

/** The address of the Minopa service, when the person changed it; null means the build's default. */
export const serviceUrlItem = storage.defineItem<string | null>('local:serviceUrl', {
  fallback: null,
  version: 1,
  migrations: {},
});

/** The signed-in session. The token lives only here: never in a URL, a page, or a log. */
export interface StoredSession {
  token: string;
  expiresAt: string;
  user: Me;
}
export const sessionItem = storage.defineItem<StoredSession | null>('local:session', {
  fallback: null,
  version: 1,
  migrations: {},
});

/** Where context-menu captures go; mirrors the account's `defaultWorkspaceId`, kept for offline use. */
export const defaultWorkspaceIdItem = storage.defineItem<string | null>('local:defaultWorkspaceId', {
  fallback: null,
  version: 1,
  migrations: {},
});

/** What the UI needs of a workspace. */
export interface WorkspaceSummary {
  id: string;
  name: string;
  role: Role;
}
/** The signed-in person's workspaces as last fetched, so the popup works while the service is down. */
export const workspacesItem = storage.defineItem<WorkspaceSummary[]>('local:workspaces', {
  fallback: [],
  version: 1,
  migrations: {},
});

/** The workspace last chosen in the popup, preselected next time. */
export const popupWorkspaceIdItem = storage.defineItem<string | null>('local:popupWorkspaceId', {
  fallback: null,
  version: 1,
  migrations: {},
});

/** A capture waiting for the service. Its `capture.clientId` makes redelivery idempotent. */
export interface QueuedCapture {
  capture: CaptureInput;
  workspaceId: string;
  workspaceName: string | null;
  /** Only the person who made a capture may deliver it (another may sign in on this browser). */
  userId: string;
  queuedAt: string;
  attempts: number;
  lastError: string | null;
}
/** Captures waiting for the service, oldest first. */
export const offlineQueueItem = storage.defineItem<QueuedCapture[]>('local:offlineQueue', {
  fallback: [],
  version: 1,
  migrations: {},
});

/** Backoff of the offline queue: how many flushes in a row found the service down. */
export const flushBackoffItem = storage.defineItem<{ failures: number }>('local:flushBackoff', {
  fallback: { failures: 0 },
  version: 1,
  migrations: {},
});

/** A capture the service refused (4xx); kept so the options page can show what was not saved. */
export interface RejectedCapture {
  capture: CaptureInput;
  workspaceId: string;
  code: string;
  message: string;
  fields?: FieldError[];
  rejectedAt: string;
}
/** Most recent refusals first, at most `REJECTED_LIMIT`. */
export const rejectedCapturesItem = storage.defineItem<RejectedCapture[]>('local:rejectedCaptures', {
  fallback: [],
  version: 1,
  migrations: {},
});
export const REJECTED_LIMIT = 20;

/** Forgets everything that belongs to the signed-in person except captures still waiting to be sent. */
export async function clearSessionData(): Promise<void> {
  await Promise.all([
    sessionItem.removeValue(),
    workspacesItem.removeValue(),
    defaultWorkspaceIdItem.removeValue(),
    popupWorkspaceIdItem.removeValue(),
  ]);
}

// — popup —

/** What the popup's main button does: keep as draft, post now, add to the queue, or schedule at a time. */
export type PopupAction = 'draft' | 'now' | 'queue' | 'at';

/** The popup's last choices, so the next quick post starts where the person left off. */
export interface PopupChoices {
  /** Channels (connected account ids) last chosen, per workspace id. */
  channelsByWorkspace: Record<string, string[]>;
  /** The last action used, whatever the workspace. */
  lastAction: PopupAction | null;
}
export const popupChoicesItem = storage.defineItem<PopupChoices>('local:popupChoices', {
  fallback: { channelsByWorkspace: {}, lastAction: null },
  version: 1,
  migrations: {},
});

/** A connected account as the popup lists it (a subset of the API's ConnectedAccount). */
export interface CachedChannel {
  id: string;
  platform: PlatformId;
  name: string;
  username: string | null;
  avatarUrl: string | null;
  status: string;
  sandbox: boolean;
}
/** Per workspace: its channels and time zone as last fetched, so the popup opens without waiting on the network. */
export interface CachedPopupWorkspace {
  channels: CachedChannel[];
  timeZone: string | null;
  fetchedAt: string;
}
export const popupChannelCacheItem = storage.defineItem<Record<string, CachedPopupWorkspace>>('local:popupChannelCache', {
  fallback: {},
  version: 1,
  migrations: {},
});

/**
 * Text being written in the popup, per workspace, so closing the popup or signing in again after the
 * session ended loses nothing. Cleared after a successful submit. `userId` keeps one person's text
 * from being offered to another who signs in on this browser.
 */
export interface PopupComposerText {
  userId: string;
  /** The page it was written for; a draft for another page is not offered there. */
  pageUrl: string;
  title: string;
  body: string;
  /** Per-channel text overrides by account id. */
  overrides: Record<string, string>;
  savedAt: string;
}
export const popupComposerTextItem = storage.defineItem<Record<string, PopupComposerText>>('local:popupComposerText', {
  fallback: {},
  version: 1,
  migrations: {},
});

/**
 * The network options last used per channel, per workspace (workspace id → account id → option → value):
 * the Pinterest board, a privacy level, Instagram's format. Offered again on the channel's next post.
 */
export const popupChannelOptionsItem = storage.defineItem<Record<string, Record<string, Record<string, string | boolean>>>>('local:popupChannelOptions', {
  fallback: {},
  version: 1,
  migrations: {},
});

// — background —
/**
 * The publishing-failure watch (failure-watch.ts): which failed posts were already reported, so each
 * failure is notified once, and how many are failing, for the toolbar badge. A workspace appears in
 * `seen` once it has been looked at: failures found at that first look are old news, not notified.
 */
export interface FailureWatchState {
  /** Whose workspaces these are; another person signing in starts afresh. */
  userId: string;
  /** Workspace id → ids of its posts that were failed at the last look (and have been reported or were old). */
  seen: Record<string, string[]>;
  /** Failed posts across the watched workspaces at the last look. */
  failedCount: number;
  checkedAt: string;
}
export const failureWatchItem = storage.defineItem<FailureWatchState | null>('local:failureWatch', {
  fallback: null,
  version: 1,
  migrations: {},
});

/** An import started from this browser (popup or context menu), watched until it finishes (import-watch.ts). */
export interface TrackedImport {
  importId: string;
  workspaceId: string;
  /** Who started it: another person signing in on this browser is not told about it. */
  userId: string;
  /** The design's title or file's name as last known, for the notification. */
  title: string | null;
  startedAt: string;
}
/** Imports still running on the service, oldest first; an entry goes once its end has been notified. */
export const importWatchItem = storage.defineItem<TrackedImport[]>('local:importWatch', {
  fallback: [],
  version: 1,
  migrations: {},
});

/**
 * The person's consent choice (P20), kept here so it applies before sign-in and offline (error
 * reporting reads it before every report). `savedOnService` is false until the service recorded it;
 * the next sign-in or options visit sends it.
 */
export interface StoredConsent {
  choices: ConsentChoices;
  decidedAt: string;
  expiresAt: string;
  savedOnService: boolean;
}
export const consentItem = storage.defineItem<StoredConsent | null>('local:consent', {
  fallback: null,
  version: 1,
  migrations: {},
});

/** Usage events waiting to be sent (P7): only ever written while the person allows usage statistics. */
export interface StoredUsageEvent {
  name: UsageEventName;
  client: UsageClient;
  sessionId: string;
  occurredAt: string;
  viewport?: { width: number; height: number };
}
export const usageQueueItem = storage.defineItem<StoredUsageEvent[]>('local:usageQueue', {
  fallback: [],
  version: 1,
  migrations: {},
});
