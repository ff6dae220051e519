import type { PageMetadata } from '#shared/api/captures.js';
import type { MediaFacts } from '#shared/publishing/content.js';
import type { ScheduleInput } from '#shared/api/publishing.js';
import type { CachedPopupWorkspace, PopupAction, PopupComposerText } from './storage.js';

/**
 * Messages of the toolbar popup's quick post (types only: the popup bundle imports them, so no zod and
 * no API client here). The handlers are in popup-setup.ts, media-upload.ts and publish-post.ts.
 */

export type { CachedChannel, CachedPopupWorkspace, PopupAction, PopupComposerText } from './storage.js';

/** What the popup shows at once for a workspace, from local storage only (no network). */
export interface PopupSetup {
  /** Channels and time zone as last fetched; null when never fetched on this browser. */
  cached: CachedPopupWorkspace | null;
  /** Channels last chosen in this workspace. */
  lastChannels: string[];
  lastAction: PopupAction | null;
  /** Text the person was writing in this workspace and did not send yet. */
  unsentText: PopupComposerText | null;
  /** Per channel (account id): the network options last used with it (board, privacy, format). */
  lastOptions: Record<string, Record<string, string | boolean>>;
}

/** The next free posting slot of a workspace ("Add to queue" preview). */
export interface QueueSlotView {
  /** UTC instant. */
  at: string;
  /** Wall-clock time in the workspace's zone, YYYY-MM-DDTHH:mm. */
  localTime: string;
  timeZone: string;
}

/** A file of the workspace's media library attached to the quick post, with what the network rules need. */
export interface PopupMedia extends MediaFacts {
  id: string;
  /** Signed preview address (images); null for videos and documents. */
  thumbnailUrl: string | null;
}

/** Saves (or, given `postId`, updates) the quick post's draft with its media. */
export interface QuickPostSave {
  workspaceId: string;
  /** The draft saved by an earlier attempt: updated instead of saving a second one. */
  postId?: string;
  url: string;
  pageTitle?: string;
  selectionText?: string;
  page?: PageMetadata;
  draft: { title: string; body: string };
  /** Media library ids, in order. */
  mediaIds: string[];
}

/**
 * One channel of the quick post; `text` and `title` replace the post's for that channel only. `options`
 * are its network's options (shared/publishing/options.ts), `firstComment` and `threadParts` where the
 * network takes them.
 */
export interface QuickPostTarget {
  accountId: string;
  text?: string;
  title?: string;
  firstComment?: string;
  threadParts?: string[];
  options?: Record<string, string | boolean>;
}

export interface QuickPostPublish {
  workspaceId: string;
  postId: string;
  targets: QuickPostTarget[];
  schedule: ScheduleInput;
}

/** What publishing the quick post did. Content problems are thrown with fields `targets.<accountId>.<field>`. */
export interface QuickPostPublished {
  postId: string;
  /** The earliest due time (UTC) of its channels. */
  dueAt: string | null;
  channels: number;
}

/** A file being handed from the popup to the background in pieces (messages carry JSON, not Files). */
export interface MediaUploadStart {
  workspaceId: string;
  filename: string;
  type: string;
  size: number;
}

/** A file of the workspace's media library as the popup's "Library" picker lists it. */
export interface LibraryMedia extends PopupMedia {
  /** When it was added to the library (UTC); the list is newest first. */
  createdAt: string;
}

/** One page of the library, newest first; `nextCursor` asks for the next (null on the last page). */
export interface LibraryPage {
  items: LibraryMedia[];
  nextCursor: string | null;
}
