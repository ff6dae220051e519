import { sendOutbox } from '../email/send-outbox.js';
import { fetchCaptureMedia } from './fetch-capture-media.js';
import { runFetchPostMetrics } from './fetch-post-metrics.js';
import { runNotifyPostStatus } from './notify-post-status.js';
import { runPublishDueTargets } from './publish-due-targets.js';
import { runReconcileTargets } from './reconcile-targets.js';
import { refreshAccountTokens } from './refresh-account-tokens.js';
import { removeExpiredUploads } from './remove-expired-uploads.js';
import { runImports } from './run-imports.js';
import { refreshIntegrationTokens } from './refresh-integration-tokens.js';
import type { JobDefinition } from './types.js';
import { syncEmailContacts } from './sync-email-contacts.js';
import { expireConsents } from './expire-consents.js';
import { runNotifyLegalChanges } from './notify-legal-changes.js';
import { runPurgeUsageEvents } from './purge-usage-events.js';
import { runAlertOverduePrivacyRequests } from './alert-overdue-privacy-requests.js';
import { buildDataExports } from './build-data-exports.js';
import { endGracePeriods, removeExpiredBillingData } from '../billing/grace.js';
import { runDeleteAccounts } from './delete-accounts.js';
import { runPurgeExpiredRecords } from './purge-expired-records.js';

export type { JobDefinition, JobDeps } from './types.js';

/**
 * THE one table of every scheduled job. Add a line per job (its code lives in its own file). Tests call
 * `run` directly; the scheduler ticks each at its schedule and never overlaps a job with itself in one
 * process — across instances, each job's own row claims keep them apart.
 */
export const JOBS: JobDefinition[] = [
  {
    name: 'send-email-outbox',
    // Emails people wait for (verification, reset) should arrive within seconds.
    schedule: '*/5 * * * * *',
    async run(deps) {
      await sendOutbox(deps, { signal: deps.signal });
    },
  },
  {
    name: 'fetch-capture-media',
    // The extension waits for the verdict (fetched, or "the browser must supply it") right after a capture.
    schedule: '*/3 * * * * *',
    async run(deps) {
      await fetchCaptureMedia(deps);
    },
  },
  {
    name: 'publish-due-targets',
    // Posts go out on time: a run looks for due targets every 200 ms for up to 50 s; the every-second tick
    // only starts the next run (a crashed or finished one), never a second one in this process.
    schedule: '* * * * * *',
    run: runPublishDueTargets,
  },
  {
    name: 'reconcile-targets',
    // Unknown outcomes are checked soon after (each target waits its own delay in run_at).
    schedule: '*/10 * * * * *',
    run: runReconcileTargets,
  },
  {
    name: 'fetch-post-metrics',
    // Engagement numbers change over hours; each target is re-measured every few hours.
    schedule: '0 */5 * * * *',
    run: runFetchPostMetrics,
  },
  {
    name: 'notify-post-status',
    // "Scheduled" confirmations and "failed" alerts (P10) should arrive within a minute.
    schedule: '*/15 * * * * *',
    run: runNotifyPostStatus,
  },
  {
    name: 'refresh-account-tokens',
    // Network tokens are renewed in the 15 minutes before they end (X's and TikTok's live two hours).
    schedule: '15 * * * * *',
    async run(deps) {
      await refreshAccountTokens(deps);
    },
  },
  {
    name: 'remove-expired-uploads',
    // Unfinished uploads expire after a day without a piece; their parts only take space, so hourly is plenty.
    schedule: '0 17 * * * *',
    async run(deps) {
      await removeExpiredUploads(deps);
    },
  },
  {
    name: 'run-imports',
    // The extension polls an import right after starting it: a worker picks it up within two seconds.
    schedule: '*/2 * * * * *',
    async run(deps) {
      await runImports(deps);
    },
  },
  {
    name: 'refresh-integration-tokens',
    // Canva's access tokens live 4 hours and Google's 1; each is renewed in the 20 minutes before it ends.
    schedule: '30 * * * * *',
    async run(deps) {
      await refreshIntegrationTokens(deps);
    },
  },
  {
    name: 'end-billing-grace-periods',
    // A grace period is days long; noticing its end within a few minutes is plenty.
    schedule: '0 */5 * * * *',
    async run(deps) {
      await endGracePeriods(deps.knex);
    },
  },
  {
    name: 'remove-expired-billing-data',
    // P19: billing records older than 7 years, webhook ids older than 30 days; daily is plenty.
    schedule: '0 41 3 * * *',
    async run(deps) {
      await removeExpiredBillingData(deps.knex);
    },
  },
  {
    name: 'expire-consents',
    // P20: a choice holds a year; the clock already treats it as expired, this only stamps it in bulk.
    schedule: '0 23 * * * *',
    async run(deps) {
      await expireConsents(deps);
    },
  },
  {
    name: 'notify-legal-changes',
    // A material change published by the operator is announced within a minute (emails go out via the outbox).
    schedule: '40 * * * * *',
    run: runNotifyLegalChanges,
  },
  {
    name: 'sync-email-contacts',
    // P13: preference changes reach Resend within minutes; unchanged people cost no request.
    schedule: '0 */5 * * * *',
    async run(deps) {
      await syncEmailContacts(deps);
    },
  },
  {
    name: 'purge-usage-events',
    // P19: 26 months is counted in days; nightly is plenty.
    schedule: '0 17 2 * * *',
    run: runPurgeUsageEvents,
  },
  {
    name: 'alert-overdue-privacy-requests',
    // P30: a deadline counted in days; hourly is plenty to alert on the day.
    schedule: '0 29 * * * *',
    run: runAlertOverduePrivacyRequests,
  },
  {
    name: 'build-data-exports',
    // The person watches the progress in the options page: a requested export starts within seconds.
    schedule: '*/5 * * * * *',
    async run(deps) {
      await buildDataExports(deps);
    },
  },
  {
    name: 'delete-accounts',
    // P17, P18: the reminder a week ahead and the deletion itself are counted in days; every 10 minutes is plenty.
    schedule: '0 */10 * * * *',
    async run(deps) {
      await runDeleteAccounts(deps);
    },
  },
  {
    name: 'purge-expired-records',
    // P19: expired sessions, tokens and invitations, old pseudonymised acceptances; nightly is plenty.
    schedule: '0 47 2 * * *',
    run: runPurgeExpiredRecords,
  },
];
