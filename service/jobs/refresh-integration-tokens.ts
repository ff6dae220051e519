import { INTEGRATION_REFRESH_AHEAD_MS, integrationLease, refreshClaimed } from '../imports/fresh-token.js';
import type { IntegrationConnection } from '../models/integration-connection.js';
import type { JobDeps } from './types.js';

/** This many connections per run; the next run takes the rest. */
const BATCH = 50;
/** Refresh a little earlier than on-demand use does, so imports rarely wait for a refresh. */
const JOB_AHEAD_MS = 2 * INTEGRATION_REFRESH_AHEAD_MS;

/**
 * Refreshes the Canva and Google Drive connections whose access tokens expire soon, as the network
 * accounts' job does: the due connections are leased in one short statement (one refresh at a time per
 * connection across instances; a connection another worker holds is skipped, not waited for), then each
 * is refreshed with no transaction open and its new tokens stored first. A refused refresh marks the
 * connection "reconnect needed" and emails the person once; a vendor that is down is asked again next
 * run, and so is one whose refresher died (once its lease has run out).
 */
export async function refreshIntegrationTokens(deps: JobDeps & { leaseOwner?: string }): Promise<{ refreshed: number; reconnectNeeded: number }> {
  const lease = integrationLease(deps);
  const due = await lease.claim<IntegrationConnection>(
    (query) => query.where('status', 'connected').whereRaw('access_expires_at < now() + make_interval(secs => ?)', [JOB_AHEAD_MS / 1000]).orderBy('accessExpiresAt'),
    BATCH,
    ['*'],
  );
  let refreshed = 0;
  let reconnectNeeded = 0;
  for (const connection of due) {
    if (deps.signal?.aborted) {
      await lease.release(connection.id);
      continue;
    }
    const outcome = await refreshClaimed(deps, lease, connection, JOB_AHEAD_MS);
    if (outcome.kind === 'refreshed') refreshed++;
    if (outcome.kind === 'reconnect') reconnectNeeded++;
  }
  return { refreshed, reconnectNeeded };
}
