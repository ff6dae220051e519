import { notifyPostStatus } from '../publisher/notify.js';
import type { JobDeps } from './types.js';

/** The notify-post-status job: "post scheduled" and "post failed" emails (P10), through the outbox. */
export async function runNotifyPostStatus(deps: JobDeps): Promise<void> {
  await notifyPostStatus(deps);
}
