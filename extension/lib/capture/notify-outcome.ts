import type { CaptureInput } from '#shared/api/captures.js';
import { backgroundLocale } from '../i18n/index.js';
import { notify } from '../notifications.js';
import { recordRejected, rejectionSentence } from '../rejected.js';
import type { DeliveryOutcome } from './deliver.js';
import { captureText } from './messages.js';

/**
 * Tells the person where a one-click capture went. A refusal is also kept in the rejected list, so
 * nothing made from the context menu is lost without a trace.
 */
export async function notifyOutcome(capture: CaptureInput, outcome: DeliveryOutcome): Promise<void> {
  await backgroundLocale();
  switch (outcome.status) {
    case 'saved':
      // The notification leads to the draft: its "Open" button (and a click) opens it in the dashboard.
      await notify('saved', captureText('savedTitle'), captureText('saved', { workspace: outcome.workspaceName }), { postId: outcome.postId });
      return;
    case 'queued':
      await (outcome.reason === 'signed_out'
        ? notify('sign-in', captureText('signInTitle'), captureText('signInQueued', { workspace: outcome.workspaceName }))
        : notify('queued', captureText('offlineTitle'), captureText('offlineQueued', { workspace: outcome.workspaceName })));
      return;
    case 'rejected':
      await recordRejected(capture, outcome.workspaceId, outcome.error);
      await notify('rejected', captureText('notSavedTitle'), rejectionSentence(capture, outcome.error));
      return;
    case 'not_signed_in':
      await notify('sign-in', captureText('signInTitle'), captureText('notSignedIn'));
      return;
  }
}
