import { purgeExpiredRecords } from '../privacy/deletion/retention.js';
import type { JobDeps } from './types.js';

/** P19: expired sessions and one-time tokens, stale invitations, legal acceptances 5 years after deletion. */
export async function runPurgeExpiredRecords(deps: JobDeps): Promise<void> {
  const counts = await purgeExpiredRecords(deps.knex, { signal: deps.signal });
  const removed = Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
  if (Object.keys(removed).length > 0) deps.logger.info('expired records purged', removed);
}
