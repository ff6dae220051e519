import { INTEGRATION_REFRESH_AHEAD_MS, refreshIntegration } from '../imports/fresh-token.js';
import type { JobDeps } from './types.js';

/** This many connections per run; the next run takes the rest. */
const BATCH = 50;
/** Refresh a little earlier than on-demand use does, so imports rarely wait for a refresh. */
const JOB_AHEAD_MS = 2 * INTEGRATION_REFRESH_AHEAD_MS;

/**
 * Refreshes the Canva and Google Drive connections whose access tokens expire soon, one at a time per
 * connection across instances (a row another worker is refreshing is skipped, not waited for). A
 * refused refresh marks the connection "reconnect needed" and emails the person once; a vendor that is
 * down is simply asked again next run.
 */
export async function refreshIntegrationTokens(deps: JobDeps): Promise<{ refreshed: number; reconnectNeeded: number }> {
  const due = (await deps.knex('integration_connections')
    .where('status', 'connected')
    .where('accessExpiresAt', '<', new Date(Date.now() + JOB_AHEAD_MS))
    .orderBy('accessExpiresAt')
    .limit(BATCH)
    .select('id')) as Array<{ id: string }>;
  let refreshed = 0;
  let reconnectNeeded = 0;
  for (const { id } of due) {
    if (deps.signal?.aborted) break;
    const outcome = await refreshIntegration(deps, id, { wait: false, aheadMs: JOB_AHEAD_MS });
    if (outcome.kind === 'refreshed') refreshed++;
    if (outcome.kind === 'reconnect') reconnectNeeded++;
  }
  return { refreshed, reconnectNeeded };
}
