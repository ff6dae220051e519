import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageMetadata } from '#shared/api/captures.js';
import type { CurrentLegalDocuments } from '#shared/api/legal.js';
import type { Role } from '#shared/roles.js';

/**
 * The one protocol between the extension's pages (options, popup) and the background, which owns the
 * session and the API client. Pages are trusted extension code; the background still checks that a
 * message comes from one of them (handlers.ts). Types only here: UI bundles import this file, so it
 * must not pull in zod or the API client.
 */

export interface SignedInUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
}

export interface WorkspaceChoice {
  id: string;
  name: string;
  role: Role;
}

/** A capture the service refused, as the options page lists it. */
export interface RejectedCaptureView {
  clientId: string;
  kind: string;
  url: string;
  title: string | null;
  message: string;
  rejectedAt: string;
}

/** Everything the pages show about the extension's state. */
export interface ExtensionState {
  serviceUrl: string;
  /** Null when nobody is signed in. */
  user: SignedInUser | null;
  workspaces: WorkspaceChoice[];
  defaultWorkspaceId: string | null;
  /** The workspace last chosen in the popup, if it still exists. */
  popupWorkspaceId: string | null;
  /** Captures waiting in the offline queue. */
  queuedCount: number;
  rejected: RejectedCaptureView[];
  /** False when a refresh was asked for and the service could not be reached (cached data shown). */
  serviceReachable: boolean | null;
}

export interface SignUpRequest {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  ageConfirmed: boolean;
  /** The versions shown to the person when they ticked the box. */
  acceptedLegalVersions: { terms: string; privacy: string } | null;
}

/** What the popup prefills from a tab. `url` is '' when the tab cannot be read (e.g. a browser page). */
export interface TabContext {
  tabId: number | null;
  url: string;
  title: string;
  selectionText: string;
  page?: PageMetadata;
}

export interface SaveDraftRequest {
  workspaceId: string;
  url: string;
  /** The page's own title (provenance), as opposed to the draft's title. */
  pageTitle?: string;
  selectionText?: string;
  page?: PageMetadata;
  draft: { title?: string; body?: string };
}

/** Saved now, or kept offline to be sent when the service is back. Refusals are thrown. */
export type SaveDraftResult =
  | { status: 'saved'; workspaceName: string; postId: string; duplicate: boolean }
  | { status: 'queued'; workspaceName: string };

export interface FlushResult {
  delivered: number;
  rejected: number;
  remaining: number;
  /** Why the flush stopped early, if it did. */
  stoppedBecause: 'service_unreachable' | 'signed_out' | null;
}

/** Message name → handler signature (argument = what the page sends, result = what it gets back). */
export interface ProtocolMap {
  /** The current state; with `refresh`, first re-reads the person and workspaces from the service. */
  getState(data: { refresh?: boolean }): ExtensionState;
  /** The Terms and Privacy Policy a new account accepts (links made absolute). */
  getLegalDocuments(): CurrentLegalDocuments;
  signUp(data: SignUpRequest): ExtensionState;
  signIn(data: { email: string; password: string }): ExtensionState;
  signOut(): ExtensionState;
  setDefaultWorkspace(data: { workspaceId: string }): ExtensionState;
  /** Changes the service address; signs out when it changes (the session belongs to the old one). */
  setServiceUrl(data: { url: string }): ExtensionState;
  /** Reads title, URL, selection and metadata of `tabId`, or of the active tab. */
  getTabContext(data: { tabId?: number }): TabContext;
  /** Saves a popup draft like a context-menu capture: delivered now or queued offline. */
  saveDraft(data: SaveDraftRequest): SaveDraftResult;
  flushOfflineQueue(): FlushResult;
  clearRejectedCaptures(): ExtensionState;
  openOptionsPage(): void;
}

/** The messenger both sides use: pages call `sendMessage`, handlers.ts calls `onMessage`. */
export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>({
  logger: undefined,
});
