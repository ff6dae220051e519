import type { Knex } from 'knex';
import { INTEGRATION_NAMES } from '#shared/api/integrations.js';
import { bilingual } from '#shared/i18n.js';
import { markIntegrationReconnectNeeded } from '../actions/mark-integration-reconnect.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import type { Logger } from '../logger.js';
import { createSealer } from '../lib/token-crypto.js';
import type { IntegrationConnection } from '../models/integration-connection.js';
import { isPlatformError } from '../platforms/lib/errors.js';
import { integrationAccess } from './adapters.js';
import { openIntegrationTokens, sealIntegrationTokens } from './credentials.js';
import type { IntegrationContext, IntegrationTokens } from './types.js';

/** Refresh this long before the access token expires (Canva's live 4 hours, Google's 1 hour). */
export const INTEGRATION_REFRESH_AHEAD_MS = 10 * 60_000;

/** What refreshing needs. */
export interface RefreshDeps {
  knex: Knex;
  config: Config;
  logger: Logger;
  signal?: AbortSignal;
}

/** How a refresh attempt ended. */
export type RefreshOutcome =
  | { kind: 'fresh' | 'refreshed'; tokens: IntegrationTokens; context: IntegrationContext }
  | { kind: 'reconnect' }
  /** Someone else is refreshing it right now (only when not waiting). */
  | { kind: 'busy' }
  /** The vendor could not be reached, or the provider is not configured: try again later. */
  | { kind: 'later' }
  | { kind: 'gone' };

/**
 * Refreshes one connection when its access token expires within `aheadMs` (Infinity: refresh now).
 * One refresh at a time per connection, across instances: the row is locked (`FOR UPDATE`) before the
 * refresh token is spent, and the new tokens are written in that same transaction the moment the vendor
 * answers — before anything else — because Canva's refresh tokens work once. The lock is held over the
 * vendor call on purpose (unlike other network calls): a second caller must wait for the new token, not
 * spend the old one. `wait: false` skips a connection another worker holds (the job).
 * A refused refresh marks the connection "reconnect needed" and emails the person once.
 */
export async function refreshIntegration(deps: RefreshDeps, connectionId: string, options: { wait: boolean; aheadMs: number }): Promise<RefreshOutcome> {
  const { knex, config, logger } = deps;
  const sealer = createSealer(config.tokenKeys);
  return knex.transaction(async (trx) => {
    const query = trx('integration_connections').where('id', connectionId).forUpdate();
    const row = (await (options.wait ? query : query.skipLocked()).first()) as IntegrationConnection | undefined;
    if (!row) return { kind: options.wait ? 'gone' : 'busy' };
    if (row.status !== 'connected') return { kind: 'reconnect' };
    const access = integrationAccess(config, row.provider, deps.signal);
    if (!access) return { kind: 'later' };
    const name = INTEGRATION_NAMES[row.provider];
    if (row.sandbox !== access.context.settings.sandbox) {
      // Made against the simulator and now configured for the real vendor (or back): those tokens mean nothing there.
      await markIntegrationReconnectNeeded(trx, row.id, `This connection was made ${row.sandbox ? 'in the sandbox' : `with the real ${name}`}, and Minopa now uses ${row.sandbox ? `the real ${name}` : 'the sandbox'}.`);
      return { kind: 'reconnect' };
    }
    const tokens = openIntegrationTokens(sealer, row);
    const due = options.aheadMs === Infinity || (row.accessExpiresAt !== null && row.accessExpiresAt.getTime() - Date.now() < options.aheadMs);
    if (!due) return { kind: 'fresh', tokens, context: access.context };
    try {
      const next = await access.adapter.refresh(access.context, tokens);
      await trx('integration_connections')
        .where('id', row.id)
        .update({ ...sealIntegrationTokens(sealer, next), scopes: next.scopes, updatedAt: trx.fn.now() });
      return { kind: 'refreshed', tokens: next, context: access.context };
    } catch (error) {
      if (isPlatformError(error) && error.kind === 'auth') {
        logger.warn('integration token refresh refused; the person must reconnect', { connectionId: row.id, provider: row.provider, ...error.details });
        await markIntegrationReconnectNeeded(trx, row.id, `${name} refused to renew Minopa’s access (it may have been revoked at ${name}).`);
        return { kind: 'reconnect' };
      }
      logger.warn('integration token refresh failed; will try again', { connectionId: row.id, provider: row.provider, error: error instanceof Error ? error.message : String(error) });
      return { kind: 'later' };
    }
  });
}

/**
 * Runs `use` with a live access token of the person's connection: refreshed first when it expires soon
 * (waiting for a refresh another worker is doing), and — when the vendor answers 401 anyway — refreshed
 * once more and `use` retried. For the import code. Throws HttpError `integration_reconnect_needed` when
 * the vendor refused (the person was emailed), `integration_unavailable` when the provider is not
 * configured, `network_failed` when the vendor could not be reached.
 */
export async function withFreshAccessToken<T>(
  deps: RefreshDeps,
  connection: Pick<IntegrationConnection, 'id' | 'provider'>,
  use: (accessToken: string, context: IntegrationContext) => Promise<T>,
): Promise<T> {
  const first = await usable(deps, connection, INTEGRATION_REFRESH_AHEAD_MS);
  try {
    return await use(first.tokens.accessToken, first.context);
  } catch (error) {
    if (!(isPlatformError(error) && error.kind === 'auth' && error.details.httpStatus === 401)) throw error;
  }
  const second = await usable(deps, connection, Infinity);
  return use(second.tokens.accessToken, second.context);
}

async function usable(deps: RefreshDeps, connection: Pick<IntegrationConnection, 'id' | 'provider'>, aheadMs: number) {
  const outcome = (await freshWithoutLock(deps, connection.id, aheadMs)) ?? (await refreshIntegration(deps, connection.id, { wait: true, aheadMs }));
  const name = INTEGRATION_NAMES[connection.provider];
  switch (outcome.kind) {
    case 'fresh':
    case 'refreshed':
      return outcome;
    case 'reconnect':
      throw new HttpError(
        'integration_reconnect_needed',
        bilingual({ en: 'Your {name} connection no longer works. Reconnect it in Options → Connections.', de: 'Ihre {name}-Verbindung funktioniert nicht mehr. Verbinden Sie sie unter Optionen → Verbindungen neu.' }, { name }),
      );
    case 'gone':
      throw new HttpError('integration_not_connected');
    case 'later':
    case 'busy':
      if (!integrationAccess(deps.config, connection.provider)) throw new HttpError('integration_unavailable');
      throw new HttpError('network_failed', bilingual({ en: '{name} did not answer as expected. Please try again in a moment.', de: '{name} hat nicht wie erwartet geantwortet. Bitte versuchen Sie es gleich noch einmal.' }, { name }));
  }
}

/** The common case without taking the row lock: a connected row whose token lives long enough. */
async function freshWithoutLock(deps: RefreshDeps, connectionId: string, aheadMs: number): Promise<RefreshOutcome | null> {
  if (aheadMs === Infinity) return null;
  const row = (await deps.knex('integration_connections').where('id', connectionId).first()) as IntegrationConnection | undefined;
  if (!row || row.status !== 'connected' || !row.accessExpiresAt || row.accessExpiresAt.getTime() - Date.now() < aheadMs) return null;
  const access = integrationAccess(deps.config, row.provider, deps.signal);
  if (!access || access.context.settings.sandbox !== row.sandbox) return null;
  return { kind: 'fresh', tokens: openIntegrationTokens(createSealer(deps.config.tokenKeys), row), context: access.context };
}
