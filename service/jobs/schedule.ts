import { sendOutbox } from '../email/send-outbox.js';
import { fetchCaptureImages } from './fetch-capture-images.js';
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
];
