import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageMetadata } from '#shared/api/captures.js';
import type { Invitation, InvitationPreview } from '#shared/api/invitations.js';
import type { CurrentLegalDocuments } from '#shared/api/legal.js';
import type { Member } from '#shared/api/workspaces.js';
import type { Role } from '#shared/roles.js';
import type { AuditEventPage } from '#shared/api/audit.js';
import type { ConnectedAccount, Network } from '#shared/api/accounts.js';
import type { PlatformId } from '#shared/platforms.js';
import type { DriveAccess, Integration } from '#shared/api/integrations.js';
import type { ImportProvider } from '#shared/imports/source-url.js';
// — imports —
import type { z } from 'zod';
import type { CanvaDesignPreview, DriveFilePreview, Import } from '#shared/api/imports.js';
import type { GoogleEditorKind } from '#shared/imports/source-url.js';
import type { ImportChoices } from '../imports.js';
// — popup —
import type { CachedPopupWorkspace, MediaUploadStart, PopupAction, PopupComposerText, PopupMedia, PopupSetup, QueueSlotView, QuickPostPublish, QuickPostPublished, QuickPostSave } from '../popup-types.js';
import type { PostingSlot, ScheduleInput, WorkspaceSchedule } from '#shared/api/publishing.js';
import type { BillingState } from '#shared/api/billing.js';
import type { PaidPlanId } from '#shared/billing/plans.js';
import type { PinterestBoard } from '#shared/api/accounts.js';
import type { LibraryPage } from '../popup-types.js';
// — dashboard —
import type { Calendar } from '#shared/api/calendar.js';
import type { Post, PostPage } from '#shared/api/posts.js';
import type { PostTarget, PostTargetList } from '#shared/api/publishing.js';
import type { TargetStatus } from '#shared/platforms.js';
// — privacy —
import type { ConsentChoices } from '#shared/privacy/consent.js';
// — email preferences —
import type { EmailPreferences } from '#shared/api/email-preferences.js';
import type { LegalStanding } from '#shared/api/legal.js';
import type { UsageClient, UsageEventName } from '#shared/privacy/usage.js';
import type { DataExport, PrivacyRequest, PrivacyRights } from '#shared/api/rights.js';
// — deletion —
import type { AccountDeletion } from '#shared/api/deletion.js';

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
  /** False until the person opened the link emailed to them (publishing and inviting wait for it). */
  emailVerified: boolean;
  /** False for accounts made with Google that never set a password. */
  hasPassword: boolean;
  /** Signed, expiring address of the square avatar; null when there is none. */
  avatarUrl: string | null;
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

/** What the person chose when pressing "Continue with Google". */
export interface GoogleSignInRequest {
  intent: 'sign-in' | 'sign-up';
  /** Sign-up only: the boxes the person ticked on the sign-up form. */
  ageConfirmed?: boolean;
  acceptedLegalVersions?: { terms: string; privacy: string } | null;
}

/** Sign-in methods the service offers besides email and password. */
export interface AuthProvidersView {
  google: { enabled: boolean; sandbox: boolean };
}

/** One of the person's sessions, as the Sessions panel lists it. */
export interface SessionView {
  id: string;
  /** The session of this browser. */
  current: boolean;
  /** What signed in, e.g. "Minopa for Chrome". */
  client: string | null;
  browser: string | null;
  os: string | null;
  deviceType: 'desktop' | 'mobile' | 'tablet' | 'other' | null;
  createdAt: string;
  lastUsedAt: string;
}

/** The Members panel of one workspace: who is in it, and (admins and owners) who is invited. */
export interface MembersPanelData {
  /** The workspace, with the signed-in person's role in it. */
  workspace: WorkspaceChoice;
  myUserId: string;
  members: Member[];
  /** Pending invitations; null when the person's role may not see them. */
  invitations: Invitation[] | null;
}

/** The Channels panel: the networks on offer and the workspace's connected accounts. */
export interface ChannelsPanelData {
  networks: Network[];
  accounts: ConnectedAccount[];
}

/** What scheduling a post from the popup did. */
export interface PublishPostResult {
  postId: string;
  /** The earliest due time (UTC) of its channels. */
  dueAt: string | null;
  channels: number;
}

// — dashboard —
/** The Queue & calendar page's view of a date range: posts with their channels, and the workspace's time zone and slots. */
export interface DashboardCalendar {
  calendar: Calendar;
  schedule: WorkspaceSchedule;
}

/** One post as the Queue & calendar page details it: where it goes, and the channels it could go to. */
export interface PostDetails {
  post: Post;
  targets: PostTargetList;
  accounts: ConnectedAccount[];
  schedule: WorkspaceSchedule;
}

// — imports —
/** What the popup shows before importing: a Canva design's title and pages, or a Drive file's name, type, size and export choices. */
export type ImportPreview =
  | ({ provider: 'canva' } & z.output<typeof CanvaDesignPreview>)
  | ({ provider: 'google_drive'; editor: GoogleEditorKind | null } & z.output<typeof DriveFilePreview>);

// — privacy —
/** The consent choice in force: `missing` and `expired` mean the person should be asked (P20). */
export interface ConsentView {
  status: 'missing' | 'current' | 'expired';
  /** What applies now (all denied unless a current choice allows it). */
  choices: ConsentChoices;
  decidedAt: string | null;
  expiresAt: string | null;
  /** False while the choice waits to be sent to the service (signed out or offline). */
  savedOnService: boolean;
}

/** Message name → handler signature (argument = what the page sends, result = what it gets back). */
export interface ProtocolMap {
  // — options —
  /** A workspace's time zone and weekly posting slots. */
  getPostingSchedule(data: { workspaceId: string }): WorkspaceSchedule;
  /** Changes the time zone or the posting slots (admins and owners). */
  updatePostingSchedule(data: { workspaceId: string; timeZone?: string; postingSlots?: PostingSlot[] }): WorkspaceSchedule;
  /** The workspace's plan, limits, usage and subscription; `enabled: false` when the service runs without Stripe. */
  getBilling(data: { workspaceId: string }): BillingState;
  /** Opens Stripe Checkout for a paid plan in a new tab (owners). */
  startBillingCheckout(data: { workspaceId: string; plan: PaidPlanId }): { url: string };
  /** Opens the workspace's Stripe Billing Portal in a new tab (owners). */
  openBillingPortal(data: { workspaceId: string }): { url: string };
  /** The current state; with `refresh`, first re-reads the person and workspaces from the service. */
  getState(data: { refresh?: boolean }): ExtensionState;
  /** The Terms and Privacy Policy a new account accepts (links made absolute). */
  getLegalDocuments(): CurrentLegalDocuments;
  signUp(data: SignUpRequest): ExtensionState;
  signIn(data: { email: string; password: string }): ExtensionState;
  signOut(): ExtensionState;
  /** Whether "Continue with Google" is offered (and whether a sandbox stands in for Google). */
  getAuthProviders(): AuthProvidersView;
  /** Runs Google sign-in in a browser window (identity.launchWebAuthFlow) and opens the session. */
  signInWithGoogle(data: GoogleSignInRequest): ExtensionState;
  /** Emails a password reset link; the answer is the same whether or not the address has an account. */
  requestPasswordReset(data: { email: string }): { message: string };
  /** Emails a new link to verify the signed-in person's address. */
  resendVerificationEmail(): { message: string };
  /** Corrects the person's names (P28). */
  updateProfile(data: { firstName: string; lastName: string }): ExtensionState;
  /** Sends a confirmation link to the new address; the account switches once it is opened. */
  changeEmail(data: { email: string; password?: string }): { pendingEmail: string; message: string };
  /** Changes the password; every other session is signed out. */
  changePassword(data: { currentPassword: string; newPassword: string }): { signedOutSessions: number };
  /** Uploads the avatar (a picture as a data: URL: Files cannot cross messages); the service makes it square. */
  setAvatar(data: { dataUrl: string; filename?: string }): ExtensionState;
  removeAvatar(): ExtensionState;
  listSessions(): SessionView[];
  /** Signs one other device out; returns the sessions left. */
  revokeSession(data: { sessionId: string }): SessionView[];
  /** Signs every other device out; returns how many and the sessions left. */
  revokeOtherSessions(): { revoked: number; sessions: SessionView[] };
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
  /** Members of a workspace (and pending invitations for admins and owners). */
  getMembers(data: { workspaceId: string }): MembersPanelData;
  inviteMember(data: { workspaceId: string; email: string; role: Role }): MembersPanelData;
  revokeInvitation(data: { workspaceId: string; invitationId: string }): MembersPanelData;
  changeMemberRole(data: { workspaceId: string; userId: string; role: Role }): MembersPanelData;
  removeMember(data: { workspaceId: string; userId: string }): MembersPanelData;
  /** Makes another member an owner; the person becomes an admin. */
  transferOwnership(data: { workspaceId: string; userId: string }): MembersPanelData;
  leaveWorkspace(data: { workspaceId: string }): ExtensionState;
  /** A page of the workspace's audit log (owners and admins). */
  getAuditEvents(data: { workspaceId: string; cursor?: string }): AuditEventPage;
  /** What an invitation link (or its token) offers, before accepting. */
  previewInvitation(data: { link: string }): InvitationPreview;
  /** Accepts an invitation sent to the signed-in person's address. */
  acceptInvitation(data: { link: string }): ExtensionState;
  /** Networks and connected accounts of a workspace. */
  getChannels(data: { workspaceId: string }): ChannelsPanelData;
  /** Opens the network's authorization page in a new tab (owners and admins). */
  connectChannel(data: { workspaceId: string; platform: PlatformId }): { authorizeUrl: string; sandbox: boolean };
  disconnectChannel(data: { workspaceId: string; accountId: string }): ChannelsPanelData;
  /** The person's own Canva and Google Drive connections (Options → Connections). */
  getIntegrations(): Integration[];
  /** Opens Canva's or Google's authorization page in a new tab; Drive asks for `access` (default: only picked files). */
  connectIntegration(data: { provider: ImportProvider; access?: DriveAccess }): { authorizeUrl: string; sandbox: boolean };
  /** Revokes at the vendor and deletes the connection; `revoked` false: the vendor could not be told. */
  disconnectIntegration(data: { provider: ImportProvider }): { revoked: boolean; integrations: Integration[] };
  /** Opens the page where the person chooses the Drive file at `url` for Minopa (drive.file), in a new tab. */
  openDrivePicker(data: { url: string }): { pickerUrl: string };
  /** Sends a saved draft to the chosen channels now, at a time, or in the next queue slot. */
  publishPost(data: { workspaceId: string; postId: string; accountIds: string[]; schedule: ScheduleInput }): PublishPostResult;
  // — popup —
  /** What the popup shows at once for a workspace: cached channels, last choices, unsent text (no network). */
  getPopupSetup(data: { workspaceId: string }): PopupSetup;
  /** Re-reads a workspace's channels and time zone from the service (and caches them). */
  refreshPopupWorkspace(data: { workspaceId: string }): CachedPopupWorkspace;
  /** The posting slot "Add to queue" would take now; null when the workspace has none. */
  getNextQueueSlot(data: { workspaceId: string }): QueueSlotView | null;
  /** Keeps the text being written (null: forgets it). */
  savePopupText(data: { workspaceId: string; text: Omit<PopupComposerText, 'userId' | 'savedAt'> | null }): void;
  /** Remembers the channels chosen in a workspace, the action last used, and/or each channel's network options. */
  rememberPopupChoices(data: { workspaceId: string; accountIds?: string[]; action?: PopupAction; options?: Record<string, Record<string, string | boolean>> }): void;
  /** Saves the quick post's draft with its media (or updates the draft of an earlier attempt). */
  saveQuickPost(data: QuickPostSave): SaveDraftResult;
  /** Sends the saved quick post to its channels (per-channel text) now, in the queue, or at a time. */
  publishQuickPost(data: QuickPostPublish): QuickPostPublished;
  /** Uploads the page's og:image, read in the page, to the workspace's library. */
  attachPageImage(data: { workspaceId: string; tabId: number; imageUrl: string }): PopupMedia;
  /** Captures the visible tab and uploads it to the workspace's library. */
  captureScreenshot(data: { workspaceId: string; tabId: number | null }): PopupMedia;
  /** Starts a resumable upload of a file from disk; its pieces follow (Files cannot cross messages). */
  startMediaUpload(data: MediaUploadStart): { uploadId: string; chunkBytes: number };
  /** Uploads one piece (retried on a dropped connection): the bytes the service holds, and the medium once complete. */
  sendMediaChunk(data: { workspaceId: string; uploadId: string; offset: number; base64: string }): { received: number; media: PopupMedia | null };
  /** Cancels the upload; what arrived of it is removed. */
  cancelMediaUpload(data: { workspaceId: string; uploadId: string }): void;
  /** The boards of a connected Pinterest account (the board picker); 409 account_unavailable: reconnect it. */
  listPinterestBoards(data: { workspaceId: string; accountId: string }): PinterestBoard[];
  /** A page of the workspace's media library, newest first (the "Library" picker); `cursor` from the previous page. */
  listLibraryMedia(data: { workspaceId: string; cursor?: string }): LibraryPage;
  // — end popup —
  // — dashboard —
  /** Posts with their channels due or published between two dates (the workspace's days), and its posting slots. */
  getDashboardCalendar(data: { workspaceId: string; from: string; to: string; status?: TargetStatus[] }): DashboardCalendar;
  /** Drafts, newest first, a page at a time. */
  getDashboardDrafts(data: { workspaceId: string; cursor?: string }): PostPage;
  getPostDetails(data: { workspaceId: string; postId: string }): PostDetails;
  updatePostText(data: { workspaceId: string; postId: string; title: string | null; body: string }): Post;
  /** Moves the post's scheduled channels to `localTime` (YYYY-MM-DDTHH:mm in the workspace's time zone). */
  reschedulePost(data: { workspaceId: string; postId: string; localTime: string }): PostTargetList;
  /** Publishes a failed channel again now; an unconfirmed one needs `confirmNotPublished`. */
  retryTarget(data: { workspaceId: string; postId: string; targetId: string; confirmNotPublished?: boolean }): PostTarget;
  // — imports —
  /** The design or file the page at `url` shows, read from Canva or Drive with the person's connection. */
  previewImport(data: { workspaceId: string; url: string }): ImportPreview;
  /** Starts importing the page at `url` (a new draft with its media); the background watches it until it ends. */
  startImport(data: { workspaceId: string; url: string; clientId?: string } & ImportChoices): Import;
  /** Where one import stands (the popup polls this). */
  getImport(data: { workspaceId: string; importId: string }): Import;
  /** The person's imports in a workspace, newest first; only running ones with `active`. */
  listImports(data: { workspaceId: string; active?: boolean }): Import[];
  // — privacy —
  /** The current legal documents and whether the person accepted them (after a material change, P12). */
  getLegalStanding(): LegalStanding;
  /** Accepts the versions shown; publishing works again. */
  acceptLegalDocuments(data: { terms: string; privacy: string }): LegalStanding;
  /** Objections, restriction and requests to the operator (P29, P30). */
  getPrivacyRights(): PrivacyRights;
  updatePrivacyRights(data: { objectToUsageStatistics?: boolean; objectToMarketing?: boolean; restrictProcessing?: boolean }): PrivacyRights;
  createPrivacyRequest(data: { kind: PrivacyRequest['kind']; details: string }): PrivacyRequest;
  /** Starts a download of all the person's data (P27). */
  requestDataExport(): DataExport;
  listDataExports(): DataExport[];
  /** Counts a page visit or feature use, only while the person allows usage statistics (P7). */
  recordUsage(data: { name: UsageEventName; client: UsageClient; sessionId?: string; viewport?: { width: number; height: number } }): void;
  /** Whether to remind the person of the privacy choices (none made here, or expired); no request to the service. */
  getConsentReminder(): 'missing' | 'expired' | null;
  /** The consent choice in force (P20), reconciled with the service when signed in. */
  getConsent(): ConsentView;
  /** Records a consent choice here and on the service; it holds twelve months. */
  saveConsent(data: { choices: ConsentChoices }): ConsentView;
  // — email preferences —
  /** Each kind of email with whether it reaches the person and whether it can be turned off (P10, P11). */
  getEmailPreferences(): EmailPreferences;
  /** Turns kinds of email on or off; account, security and invitation emails cannot be turned off. */
  updateEmailPreferences(data: { kinds: Record<string, boolean> }): EmailPreferences;
  // — deletion —
  /** Whether the account is scheduled for deletion and when (P17). */
  getAccountDeletion(): AccountDeletion;
  /** Schedules the deletion after the cooling-off period (password, or the email address for Google-only accounts). */
  requestAccountDeletion(data: { password?: string; confirmEmail?: string }): AccountDeletion;
  /** Cancels a scheduled deletion; full access again. */
  cancelAccountDeletion(): AccountDeletion;
  // — background —
  /** Looks for posts that failed to publish now (e.g. after a retry), so the toolbar badge catches up. */
  checkPublishingFailures(): { failedCount: number };
}

/** The messenger both sides use: pages call `sendMessage`, handlers.ts calls `onMessage`. */
export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>({
  logger: undefined,
});
