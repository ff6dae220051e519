import type { Knex } from 'knex';
import type { PinterestBoard } from '#shared/api/accounts.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import type { Logger } from '../logger.js';
import { createSealer } from '../lib/token-crypto.js';
import type { ConnectedAccount } from '../models/connected-account.js';
import { openTokens } from '../platforms/credentials.js';
import { platformAccess, platformDirectory } from '../platforms/directory.js';
import { isPlatformError } from '../platforms/lib/errors.js';
import { listPinterestBoards as boardsAtPinterest } from '../platforms/pinterest/index.js';
import { markReconnectNeeded } from './mark-account-reconnect.js';

/** The person waits for this list in the composer: a slow Pinterest must not hang it. */
const BOARDS_TIMEOUT_MS = 10_000;

/**
 * The boards of a workspace's connected Pinterest account, asked of Pinterest each time (boards are
 * made and renamed there; Minopa keeps none of them, P9). A token Pinterest refuses marks the account
 * for reconnecting, as publishing would.
 */
export async function listPinterestBoards(
  knex: Knex,
  config: Config,
  log: Logger,
  request: { workspaceId: string; accountId: string },
): Promise<PinterestBoard[]> {
  const account = (await knex('connected_accounts')
    .where({ id: request.accountId, workspaceId: request.workspaceId })
    .whereNot('status', 'disconnected')
    .first()) as ConnectedAccount | undefined;
  if (!account) throw new HttpError('not_found');
  if (account.platform !== 'pinterest') throw new HttpError('not_found', 'This account is not a Pinterest account, so it has no boards.');
  if (account.status !== 'active' || !account.credentials) throw new HttpError('account_unavailable', 'This Pinterest account needs reconnecting before its boards can be read.');
  const access = platformAccess(platformDirectory(config), 'pinterest', log, AbortSignal.timeout(BOARDS_TIMEOUT_MS));
  if (!access) throw new HttpError('network_unavailable');
  try {
    return await boardsAtPinterest(access.context, openTokens(createSealer(config.tokenKeys), account));
  } catch (error) {
    if (!isPlatformError(error)) throw error;
    if (error.kind === 'auth') {
      await markReconnectNeeded(knex, account.id, 'Pinterest no longer accepts Minopa’s access to this account. Reconnect it.');
      throw new HttpError('account_unavailable', 'Pinterest no longer accepts Minopa’s access to this account. Reconnect it to choose a board.');
    }
    log.warn('reading Pinterest boards failed', { accountId: account.id, kind: error.kind, error: error.message });
    throw new HttpError('network_failed', 'Pinterest did not send the account’s boards. Please try again in a moment.');
  }
}
