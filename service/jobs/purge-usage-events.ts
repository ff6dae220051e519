import { purgeUsageEvents } from '../privacy/usage.js';
import type { JobDeps } from './types.js';

/** P19: usage statistics older than 26 months go, in short batches. */
export async function runPurgeUsageEvents(deps: JobDeps): Promise<void> {
  const deleted = await purgeUsageEvents(deps.knex, { signal: deps.signal });
  if (deleted > 0) deps.logger.info('usage events purged', { count: deleted });
}
