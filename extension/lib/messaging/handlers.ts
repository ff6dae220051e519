import { browser, type Browser } from 'wxt/browser';
import {
  getLegalDocuments,
  getState,
  openOptionsPage,
  setDefaultWorkspace,
  setServiceUrl,
  signIn,
  signOut,
  signUp,
} from '../account.js';
import { removeAvatar, setAvatar } from '../avatar.js';
import { connectChannel, disconnectChannel, getChannels } from '../channels.js';
import { connectIntegration, disconnectIntegration, getIntegrations, openDrivePicker } from '../integrations.js';
import { saveDraft } from '../capture/save-draft.js';
import { signInWithGoogle } from '../google-sign-in.js';
import { ApiError, ExtensionError, ServiceUnreachableError } from '../errors.js';
import {
  acceptInvitation,
  changeMemberRole,
  getAuditEvents,
  getMembers,
  inviteMember,
  leaveWorkspace,
  previewInvitation,
  removeMember,
  revokeInvitation,
  transferOwnership,
} from '../members.js';
import { flushOfflineQueue } from '../offline-queue.js';
import { publishPost, publishQuickPost, saveQuickPost } from '../publish-post.js';
// — popup —
import { attachPageImage, cancelMediaUpload, captureScreenshot, sendMediaChunk, startMediaUpload } from '../media-upload.js';
import { getNextQueueSlot, getPopupSetup, rememberPopupChoices, refreshPopupWorkspace, savePopupText } from '../popup-setup.js';
import { listPinterestBoards } from '../popup-boards.js';
import { listLibraryMedia } from '../media-library.js';
// — dashboard —
import { getDashboardCalendar, getDashboardDrafts, getPostDetails, reschedulePost, retryTarget, updatePostText } from '../dashboard.js';
import { getPostingSchedule, updatePostingSchedule } from '../posting-schedule.js';
import { getBilling, openBillingPortal, startBillingCheckout } from '../billing.js';
// — imports —
import { getImport, listImports, previewImport, startImport } from '../imports.js';
// — background —
import { checkForFailures } from '../failure-watch.js';
import {
  changeEmail,
  changePassword,
  getAuthProviders,
  listSessions,
  requestPasswordReset,
  resendVerificationEmail,
  revokeOtherSessions,
  revokeSession,
  updateProfile,
} from '../profile.js';
// — privacy —
import { consentReminder, getConsent, saveConsent } from '../consent.js';
// — email preferences —
import { getEmailPreferences, updateEmailPreferences } from '../email-preferences.js';
import { acceptLegalDocuments, getLegalStanding } from '../legal.js';
import { countedUsage, recordUsage } from '../usage.js';
import { createPrivacyRequest, getPrivacyRights, listDataExports, requestDataExport, updatePrivacyRights } from '../rights.js';
// — deletion —
import { cancelAccountDeletion, getAccountDeletion, requestAccountDeletion } from '../deletion.js';
import { clearRejected } from '../rejected.js';
import { readState } from '../state.js';
import { getTabContext } from '../tab-context.js';
import { onMessage, type ProtocolMap } from './protocol.js';

type Handlers = { [K in keyof ProtocolMap]: (data: Parameters<ProtocolMap[K]>[0]) => Promise<ReturnType<ProtocolMap[K]>> };

/** Every message the background answers, in one place. */
const handlers: Handlers = {
  getState,
  getLegalDocuments,
  signUp,
  signIn,
  signOut,
  getAuthProviders,
  signInWithGoogle,
  requestPasswordReset,
  resendVerificationEmail,
  updateProfile,
  changeEmail,
  changePassword,
  setAvatar,
  removeAvatar,
  listSessions,
  revokeSession,
  revokeOtherSessions,
  setDefaultWorkspace,
  setServiceUrl,
  getTabContext,
  saveDraft: countedUsage(saveDraft, () => 'draft.saved'),
  flushOfflineQueue,
  clearRejectedCaptures: async () => {
    await clearRejected();
    return readState();
  },
  openOptionsPage,
  getMembers,
  inviteMember,
  revokeInvitation,
  changeMemberRole,
  removeMember,
  transferOwnership,
  leaveWorkspace,
  getAuditEvents,
  previewInvitation,
  acceptInvitation,
  getChannels,
  connectChannel,
  disconnectChannel,
  getIntegrations,
  connectIntegration,
  disconnectIntegration,
  openDrivePicker,
  publishPost: countedUsage(publishPost, (data) => data.schedule),
  // — popup —
  getPopupSetup,
  refreshPopupWorkspace,
  getNextQueueSlot,
  savePopupText,
  rememberPopupChoices,
  saveQuickPost,
  publishQuickPost: countedUsage(publishQuickPost, (data) => data.schedule),
  attachPageImage,
  captureScreenshot,
  startMediaUpload,
  sendMediaChunk,
  cancelMediaUpload,
  listPinterestBoards,
  listLibraryMedia,
  // — end popup —
  // — dashboard —
  getDashboardCalendar,
  getDashboardDrafts,
  getPostDetails,
  updatePostText,
  reschedulePost,
  retryTarget,
  // — options —
  getPostingSchedule,
  updatePostingSchedule,
  getBilling,
  startBillingCheckout,
  openBillingPortal,
  // — imports —
  previewImport,
  startImport: countedUsage(startImport, () => 'import.started'),
  getImport,
  listImports,
  // — privacy —
  getPrivacyRights,
  updatePrivacyRights,
  createPrivacyRequest,
  requestDataExport,
  listDataExports,
  recordUsage,
  getLegalStanding,
  acceptLegalDocuments,
  getConsentReminder: consentReminder,
  getConsent,
  saveConsent,
  // — email preferences —
  getEmailPreferences,
  updateEmailPreferences,
  // — deletion —
  getAccountDeletion,
  requestAccountDeletion,
  cancelAccountDeletion,
  // — background —
  checkPublishingFailures: async () => ({ failedCount: (await checkForFailures()).failedCount }),
};

/**
 * Only the extension's own pages may use this protocol: it signs in and spends the session. A page
 * of the extension has an extension URL; a content script (none today) would come with a web URL.
 */
export function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  const origin = browser.runtime.getURL('/');
  if (sender.id !== undefined && sender.id !== browser.runtime.id) return false;
  if (sender.url !== undefined) return sender.url.startsWith(origin);
  return sender.tab === undefined;
}

/**
 * Errors cross the message boundary as plain data (name, message, own fields), so the known ones
 * keep code + message + fields; anything else is logged here and reported as a generic failure.
 */
function forUi(error: unknown): Error {
  if (error instanceof ApiError || error instanceof ServiceUnreachableError || error instanceof ExtensionError) return error;
  console.error('[minopa] message handler failed', error);
  return new ExtensionError('internal', 'Something went wrong in the extension. Please try again.');
}

/** Registers every handler of the protocol map. Call once, synchronously, when the background starts. */
export function registerMessageHandlers(): void {
  for (const name of Object.keys(handlers) as (keyof ProtocolMap)[]) {
    // One generic listener per name; the map above is what keeps each one typed.
    onMessage(name, async (message): Promise<never> => {
      if (!isExtensionPage(message.sender)) {
        throw new ExtensionError('internal', 'This message is only accepted from Minopa’s own pages.');
      }
      try {
        return (await (handlers[name] as (data: unknown) => Promise<unknown>)(message.data)) as never;
      } catch (error) {
        throw forUi(error);
      }
    });
  }
}
