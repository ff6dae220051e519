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
];
