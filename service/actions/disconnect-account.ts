import type { Knex } from 'knex';
import { PLATFORM_NAMES } from '#shared/platforms.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import type { Logger } from '../logger.js';
import { createSealer } from '../lib/token-crypto.js';
import type { ConnectedAccount } from '../models/connected-account.js';
import { platformAccess, platformDirectory } from '../platforms/directory.js';
import { openTokens } from '../platforms/credentials.js';
import { recordAuditEvent } from './record-audit-event.js';

/** Revocation is a courtesy to the person; a slow network must not hold up the disconnect. */
const REVOKE_TIMEOUT_MS = 10_000;

/**
 * Disconnects an account: asks the network to revoke the token where it offers revocation (best effort:
 * a network that is down does not keep the account connected), then deletes the tokens (P18), marks the
 * account disconnected and cancels what was waiting to be published to it — in one transaction.
 * Posts already published stay, with their links.
 */
export async function disconnectAccount(
  knex: Knex,
  config: Config,
  log: Logger,
  request: { workspaceId: string; accountId: string; actorId: string },
): Promise<{ revoked: boolean }> {
  const account = (await knex('connected_accounts')
    .where({ id: request.accountId, workspaceId: request.workspaceId })
    .whereNot('status', 'disconnected')
    .first()) as ConnectedAccount | undefined;
  if (!account) throw new HttpError('not_found');
  // Facebook revokes per person, not per Page: revoking for one Page would end every other Page the same
  // person connected. Their token is only revoked with the last of them.
  const sharesLogin = account.platform === 'facebook' && (await otherAccountsOfSameLogin(knex, account)) > 0;
  const revoked = sharesLogin ? false : await revokeAtNetwork(config, log, account);
  await knex.transaction(async (trx) => {
    await trx('connected_accounts')
      .where('id', account.id)
      .update({ status: 'disconnected', statusReason: null, credentials: null, credentialsKeyId: null, accessExpiresAt: null, updatedAt: trx.fn.now() });
    await trx('post_targets')
      .where('accountId', account.id)
      .whereIn('status', ['draft', 'scheduled', 'unconfirmed', 'failed'])
      .update({ status: 'cancelled', runAt: null, failureMessage: `The ${PLATFORM_NAMES[account.platform]} account was disconnected.`, updatedAt: trx.fn.now() });
    await recordAuditEvent(trx, {
      workspaceId: request.workspaceId,
      actorId: request.actorId,
      action: 'account.disconnected',
      details: { network: PLATFORM_NAMES[account.platform], name: account.username ? `@${account.username}` : account.name, accountId: account.id, revoked },
    });
  });
  return { revoked };
}

async function otherAccountsOfSameLogin(knex: Knex, account: ConnectedAccount): Promise<number> {
  const [row] = (await knex('connected_accounts')
    .where({ platform: account.platform, connectedBy: account.connectedBy, status: 'active' })
    .whereNot('id', account.id)
    .count({ count: '*' })) as Array<{ count: string | number }>;
  return Number(row?.count ?? 0);
}

/** Revokes an account's token at its network where it offers revocation; false (and a log line) when that did not happen. */
export async function revokeAtNetwork(config: Config, log: Logger, account: ConnectedAccount): Promise<boolean> {
  const access = platformAccess(platformDirectory(config), account.platform, log, AbortSignal.timeout(REVOKE_TIMEOUT_MS));
  if (!access?.platform.revoke || !account.credentials) return false;
  const { platform, context } = access;
  try {
    await platform.revoke!(context, openTokens(createSealer(config.tokenKeys), account));
    return true;
  } catch (error) {
    log.warn('revoking a token at the network failed; the account is disconnected here anyway', {
      platform: account.platform,
      accountId: account.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}
