import type { Knex } from 'knex';
import type { ImportProvider } from '#shared/imports/source-url.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import type { Logger } from '../logger.js';
import { createSealer } from '../lib/token-crypto.js';
import { integrationAccess } from '../imports/adapters.js';
import { openIntegrationTokens } from '../imports/credentials.js';
import type { IntegrationConnection } from '../models/integration-connection.js';

/** Revoking is a courtesy to the person; a slow vendor must not hold up the disconnect. */
const REVOKE_TIMEOUT_MS = 10_000;

/**
 * Disconnects the person's Canva or Google Drive: asks the vendor to revoke Minopa's access (P18; Canva
 * revoke, Google revoke — either ends the whole grant), then deletes the tokens with the connection.
 * A vendor that fails to revoke is logged and does not keep the connection: `revoked: false` tells the
 * person to remove Minopa's access at the vendor themselves.
 */
export async function disconnectIntegration(
  knex: Knex,
  config: Config,
  log: Logger,
  request: { userId: string; provider: ImportProvider },
): Promise<{ revoked: boolean }> {
  const connection = (await knex('integration_connections').where({ userId: request.userId, provider: request.provider }).first()) as IntegrationConnection | undefined;
  if (!connection) throw new HttpError('not_found');
  const revoked = await revokeAtVendor(config, log, connection);
  await knex('integration_connections').where('id', connection.id).delete();
  return { revoked };
}

/** Revokes a connection's grant at its vendor; false (and a log line) when that did not happen. */
export async function revokeAtVendor(config: Config, log: Logger, connection: IntegrationConnection): Promise<boolean> {
  const access = integrationAccess(config, connection.provider, AbortSignal.timeout(REVOKE_TIMEOUT_MS));
  // Tokens of the sandbox mean nothing to the real vendor (and the other way round).
  if (!access || access.context.settings.sandbox !== connection.sandbox) {
    log.warn('an integration could not be revoked: its vendor is not configured as when it was connected', { connectionId: connection.id, provider: connection.provider });
    return false;
  }
  try {
    await access.adapter.revoke(access.context, openIntegrationTokens(createSealer(config.tokenKeys), connection));
    return true;
  } catch (error) {
    log.warn('revoking an integration at its vendor failed; it is disconnected here anyway', {
      connectionId: connection.id,
      provider: connection.provider,
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}
