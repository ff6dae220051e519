import { storage } from 'wxt/utils/storage';
import type { Me } from '#shared/api/auth.js';
import type { CaptureInput } from '#shared/api/captures.js';
import type { FieldError } from '#shared/errors.js';
import type { Role } from '#shared/roles.js';

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
