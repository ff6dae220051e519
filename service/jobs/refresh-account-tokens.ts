import { randomUUID } from 'node:crypto';
import { PLATFORM_NAMES } from '#shared/platforms.js';
import { markReconnectNeeded } from '../actions/mark-account-reconnect.js';
import { refreshLease, type RefreshLease } from '../lib/refresh-lease.js';
import { createSealer, type Sealer } from '../lib/token-crypto.js';
import type { ConnectedAccount } from '../models/connected-account.js';
import { platformAccess, platformDirectory } from '../platforms/directory.js';
import { openTokens, sealTokens } from '../platforms/credentials.js';
import { isPlatformError } from '../platforms/lib/errors.js';
import type { JobDeps } from './types.js';

/** Refresh this long before the access token expires (X's and TikTok's live two hours). */
export const REFRESH_AHEAD_MS = 15 * 60_000;
const BATCH = 20;

/** This process's name on refresh leases. */
export const WORKER = `refresh-${randomUUID()}`;

/**
 * Refreshes tokens that expire soon. One refresh at a time per account, across instances: an account is
 * leased (lib/refresh-lease.ts, as Canva and Drive connections are) before its refresh token is spent,
 * and the new tokens are stored the moment the network answers — before anything else — because X,
 * TikTok and Canva refresh tokens work once. A refused refresh marks the account "reconnect needed" and
 * tells its owners and admins once; a network that is down is simply asked again next run.
 */
export async function refreshAccountTokens(deps: JobDeps): Promise<{ refreshed: number; reconnectNeeded: number }> {
  const sealer = createSealer(deps.config.tokenKeys);
  const lease = refreshLease(deps.knex, 'connected_accounts', WORKER);
  const accounts = await claimExpiring(lease);
  let refreshed = 0;
  let reconnectNeeded = 0;
  for (const account of accounts) {
    if (deps.signal?.aborted) break;
    const outcome = await refreshOne(deps, sealer, lease, account);
    if (outcome === 'refreshed') refreshed++;
    if (outcome === 'reconnect') reconnectNeeded++;
  }
  return { refreshed, reconnectNeeded };
}

/** What a refresh needs of an account. */
type ClaimedAccount = Pick<ConnectedAccount, 'id' | 'platform' | 'name' | 'credentials' | 'credentialsKeyId' | 'accessExpiresAt'>;

function claimExpiring(lease: RefreshLease): Promise<ClaimedAccount[]> {
  return lease.claim<ClaimedAccount>(
    (query) =>
      query
        .where('status', 'active')
        .whereNotNull('credentials')
        .whereRaw('access_expires_at < now() + make_interval(secs => ?)', [REFRESH_AHEAD_MS / 1000])
        .orderBy('accessExpiresAt'),
    BATCH,
    ['id', 'platform', 'name', 'credentials', 'credentialsKeyId', 'accessExpiresAt'],
  );
}

async function refreshOne(deps: JobDeps, sealer: Sealer, lease: RefreshLease, account: ClaimedAccount): Promise<'refreshed' | 'reconnect' | 'later'> {
  const { knex, logger } = deps;
  const network = PLATFORM_NAMES[account.platform];
  const release = () => lease.release(account.id);
  const access = platformAccess(deps.platforms ?? platformDirectory(deps.config), account.platform, logger, deps.signal);
  if (!access) {
    await release();
    return 'later';
  }
  const { platform, context } = access;
  if (!platform.refresh) {
    // Tokens that cannot be refreshed (Facebook Page tokens do not expire; others end): at the end, reconnect.
    if (account.accessExpiresAt && account.accessExpiresAt.getTime() <= Date.now()) {
      await markReconnectNeeded(knex, account.id, `Its ${network} access ended and ${network} does not let Minopa renew it.`);
      return 'reconnect';
    }
    await release();
    return 'later';
  }
  try {
    const tokens = await platform.refresh(context, openTokens(sealer, account));
    // Stored at once, and only while we still hold the lease: nobody else spent the old refresh token.
    await lease.held(account.id).update({ ...sealTokens(sealer, tokens), ...lease.released, updatedAt: knex.fn.now() });
    return 'refreshed';
  } catch (error) {
    if (isPlatformError(error) && (error.kind === 'auth' || error.kind === 'invalid_content')) {
      logger.warn('token refresh refused; the account needs reconnecting', { accountId: account.id, platform: account.platform, ...error.details });
      await markReconnectNeeded(knex, account.id, `${network} refused to renew Minopa’s access (it may have been revoked at ${network}).`);
      return 'reconnect';
    }
    logger.warn('token refresh failed; will try again', { accountId: account.id, platform: account.platform, error: error instanceof Error ? error.message : String(error) });
    await release();
    return 'later';
  }
}
