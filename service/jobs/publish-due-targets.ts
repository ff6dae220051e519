import { sleep } from '../platforms/lib/poll.js';
import { publisherDepsOf } from '../publisher/directory.js';
import { publishDueTargets } from '../publisher/publish-due.js';
import type { JobDeps } from './types.js';

/** How long one run of the job keeps looking for due targets; the next tick starts another. */
const RUN_MS = 50_000;
/** Between looks when nothing was due: a post due now starts within this, not at the next tick. */
const IDLE_POLL_MS = 200;

/**
 * The publish-due-targets job: publisher runs (claim → publish → record) back to back for up to RUN_MS,
 * looking again every IDLE_POLL_MS when nothing is due — so a post is late by a fraction of a second,
 * not by the scheduler's one-second tick. Stops at once on shutdown (the signal).
 */
export async function runPublishDueTargets(deps: JobDeps): Promise<void> {
  const publisher = publisherDepsOf(deps);
  const end = Date.now() + RUN_MS;
  while (!deps.signal?.aborted && Date.now() < end) {
    const counts = await publishDueTargets(publisher, { budgetMs: Math.max(0, end - Date.now()) });
    if (counts.claimed === 0) await sleep(IDLE_POLL_MS, deps.signal).catch(() => undefined);
  }
}
