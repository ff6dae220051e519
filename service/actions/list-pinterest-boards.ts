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
  if (account.platform !== 'pinterest') throw new HttpError('not_found', { en: 'This account is not a Pinterest account, so it has no boards.', de: 'Dieses Konto ist kein Pinterest-Konto und hat daher keine Pinnwände.' });
  if (account.status !== 'active' || !account.credentials) throw new HttpError('account_unavailable', { en: 'This Pinterest account needs reconnecting before its boards can be read.', de: 'Dieses Pinterest-Konto muss neu verbunden werden, bevor seine Pinnwände gelesen werden können.' });
  const access = platformAccess(platformDirectory(config), 'pinterest', log, AbortSignal.timeout(BOARDS_TIMEOUT_MS));
  if (!access) throw new HttpError('network_unavailable');
  try {
    return await boardsAtPinterest(access.context, openTokens(createSealer(config.tokenKeys), account));
  } catch (error) {
    if (!isPlatformError(error)) throw error;
    if (error.kind === 'auth') {
      await markReconnectNeeded(knex, account.id, 'Pinterest no longer accepts Minopa’s access to this account. Reconnect it.');
      throw new HttpError('account_unavailable', { en: 'Pinterest no longer accepts Minopa’s access to this account. Reconnect it to choose a board.', de: 'Pinterest akzeptiert Minopas Zugriff auf dieses Konto nicht mehr. Verbinden Sie es neu, um eine Pinnwand zu wählen.' });
    }
    log.warn('reading Pinterest boards failed', { accountId: account.id, kind: error.kind, error: error.message });
    throw new HttpError('network_failed', { en: 'Pinterest did not send the account’s boards. Please try again in a moment.', de: 'Pinterest hat die Pinnwände des Kontos nicht geliefert. Bitte versuchen Sie es gleich noch einmal.' });
  }
}
