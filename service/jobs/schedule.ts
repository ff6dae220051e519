import { sendOutbox } from '../email/send-outbox.js';
import { fetchCaptureImages } from './fetch-capture-images.js';
import { runFetchPostMetrics } from './fetch-post-metrics.js';
import { runNotifyPostStatus } from './notify-post-status.js';
import { runPublishDueTargets } from './publish-due-targets.js';
import { runReconcileTargets } from './reconcile-targets.js';
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
    name: 'fetch-capture-images',
    // The extension waits for the verdict (fetched, or "the browser must supply it") right after a capture.
    schedule: '*/3 * * * * *',
    async run(deps) {
      await fetchCaptureImages(deps);
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
];
