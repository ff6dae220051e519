import { enqueueEmail } from '../email/outbox.js';
import { alertOverduePrivacyRequests } from '../privacy/rights.js';
import type { JobDeps } from './types.js';

/** P30: a request past its 30 days without an answer is reported once (log, and the privacy contact by email). */
export async function runAlertOverduePrivacyRequests(deps: JobDeps): Promise<void> {
  const contact = deps.config.privacyContactEmail;
  await alertOverduePrivacyRequests(deps.knex, deps.logger, contact
    ? (request) =>
        enqueueEmail(deps.knex, {
          template: 'privacy-request-overdue',
          to: contact,
          dedupeKey: `privacy-request-overdue:${request.id}`,
          data: { requestId: request.id, kind: request.kind, requesterEmail: request.email, dueAt: request.dueAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) },
        })
    : undefined);
}
