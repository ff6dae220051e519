import type { CaptureInput } from '#shared/api/captures.js';
import { LIMITS } from '#shared/limits.js';
import { ApiError } from '../errors.js';
import type { SaveDraftRequest, SaveDraftResult } from '../messaging/protocol.js';
import { popupWorkspaceIdItem } from '../storage.js';
import { clampText, toPageMetadata } from './build.js';
import { deliverCapture } from './deliver.js';
import { captureText } from './messages.js';

/**
 * The popup's "Save draft": a `page` capture (a `note` when there is no page) carrying what the person
 * wrote as `draft` overrides, delivered exactly like a context-menu capture (offline queue included).
 * Refusals are thrown with their fields so the popup can show them next to the inputs.
 */
export async function saveDraft(request: SaveDraftRequest): Promise<SaveDraftResult> {
  const url = request.url.trim();
  const capture: CaptureInput = {
    clientId: crypto.randomUUID(),
    // Written on no web page (a new tab, a browser page): a note, with nothing to point back to.
    kind: url ? 'page' : 'note',
    ...(url ? { url } : {}),
    capturedAt: new Date().toISOString(),
    draft: {
      ...(request.draft.title?.trim() ? { title: request.draft.title } : {}),
      ...(request.draft.body?.trim() ? { body: request.draft.body } : {}),
    },
  };
  const title = clampText(request.pageTitle, LIMITS.titleLength);
  if (title) capture.title = title;
  const selectionText = clampText(request.selectionText, LIMITS.selectionLength);
  if (selectionText) capture.selectionText = selectionText;
  // Metadata came back through the page: it is re-checked like anything read from a web page.
  const page = toPageMetadata(request.page);
  if (page) capture.page = page;

  await popupWorkspaceIdItem.setValue(request.workspaceId);
  const outcome = await deliverCapture(capture, request.workspaceId);
  switch (outcome.status) {
    case 'saved':
      return { status: 'saved', workspaceName: outcome.workspaceName, postId: outcome.postId, duplicate: outcome.duplicate };
    case 'queued':
      if (outcome.reason === 'signed_out') throw new ApiError('session_expired', captureText('draftKeptSignIn'), 401);
      return { status: 'queued', workspaceName: outcome.workspaceName };
    case 'rejected':
      throw outcome.error;
    case 'not_signed_in':
      throw new ApiError('unauthenticated', captureText('signInToSave'), 401);
  }
}
