import type { CaptureInput } from '#shared/api/captures.js';
import { notify } from '../notifications.js';
import { recordRejected, rejectionSentence } from '../rejected.js';
import type { DeliveryOutcome } from './deliver.js';

/**
 * Tells the person where a one-click capture went. A refusal is also kept in the rejected list, so
 * nothing made from the context menu is lost without a trace.
 */
export async function notifyOutcome(capture: CaptureInput, outcome: DeliveryOutcome): Promise<void> {
  switch (outcome.status) {
    case 'saved':
      await notify('saved', 'Saved to Minopa', `Saved to ${outcome.workspaceName} as a draft`);
      return;
    case 'queued':
      await (outcome.reason === 'signed_out'
        ? notify('sign-in', 'Sign in to Minopa', `Your session has ended. Sign in again and your capture will be saved to ${outcome.workspaceName}.`)
        : notify('queued', 'Minopa is offline', `The service cannot be reached. Your capture will be saved to ${outcome.workspaceName} when it is back.`));
      return;
    case 'rejected':
      await recordRejected(capture, outcome.workspaceId, outcome.error);
      await notify('rejected', 'Not saved to Minopa', rejectionSentence(capture, outcome.error));
      return;
    case 'not_signed_in':
      await notify('sign-in', 'Sign in to Minopa', 'Sign in to save pages to your workspace. Click here to open Minopa.');
      return;
  }
}
