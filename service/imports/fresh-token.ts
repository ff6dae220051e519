import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import { INTEGRATION_NAMES } from '#shared/api/integrations.js';
import { bilingual } from '#shared/i18n.js';
import { markIntegrationReconnectNeeded } from '../actions/mark-integration-reconnect.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import type { Logger } from '../logger.js';
import { refreshLease, type RefreshLease } from '../lib/refresh-lease.js';
import { createSealer } from '../lib/token-crypto.js';
import type { IntegrationConnection } from '../models/integration-connection.js';
import { isPlatformError } from '../platforms/lib/errors.js';
import { integrationAccess } from './adapters.js';
import { openIntegrationTokens, sealIntegrationTokens } from './credentials.js';
import type { IntegrationContext, IntegrationTokens } from './types.js';

/** Refresh this long before the access token expires (Canva's live 4 hours, Google's 1 hour). */
export const INTEGRATION_REFRESH_AHEAD_MS = 10 * 60_000;

/** What refreshing needs; `leaseOwner` names this worker's refresh leases (tests run two side by side). */
export interface RefreshDeps {
  knex: Knex;
  config: Config;
  logger: Logger;
  signal?: AbortSignal;
  leaseOwner?: string;
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

/** This process's name on refresh leases. */
export const WORKER = `integration-refresh-${randomUUID()}`;
/** How often a caller waiting for another worker's refresh looks at the row again. */
const WAIT_POLL_MS = 100;
/**
 * How long a caller waits for another worker's refresh: a live one ends within the HTTP client's 30 s.
 * A lease held longer belongs to a worker that died; rather than keep a person's request waiting until
 * it runs out, the caller gives up ("try again in a moment") and a later call refreshes.
 */
const WAIT_MAX_MS = 35_000;

/** A connection's refresh lease (lib/refresh-lease.ts, the one network accounts use too). */
export function integrationLease(deps: Pick<RefreshDeps, 'knex' | 'leaseOwner'>): RefreshLease {
  return refreshLease(deps.knex, 'integration_connections', deps.leaseOwner ?? WORKER);
}

/**
 * Refreshes one connection when its access token expires within `aheadMs` (Infinity: refresh now).
 * One refresh at a time per connection, across instances, and no transaction open while the vendor is
 * called: the connection is leased first, and the new tokens are written the moment the vendor answers
 * — before anything else, and only while the lease is still ours — because Canva's refresh tokens work
 * once. A caller that finds another worker's lease waits (`wait: true`) until that refresh is stored and
 * then uses the new token (`later` if it never is: that worker died, and its lease must run out first);
 * `wait: false` skips it (`busy`).
 * A refused refresh marks the connection "reconnect needed" and emails the person once.
 */
export async function refreshIntegration(deps: RefreshDeps, connectionId: string, options: { wait: boolean; aheadMs: number }): Promise<RefreshOutcome> {
  const lease = integrationLease(deps);
  const giveUpAt = Date.now() + WAIT_MAX_MS;
  let seen: string | null = null;
  for (;;) {
    const row = (await deps.knex('integration_connections').where('id', connectionId).first()) as IntegrationConnection | undefined;
    if (!row) return { kind: 'gone' };
    const checked = await checkConnection(deps, row);
    if ('kind' in checked) return checked;
    // Not due, or renewed by another worker while we waited (also when asked to refresh now, after a 401).
    seen ??= row.credentials;
    if (!isDue(row, options.aheadMs) || row.credentials !== seen) return { kind: 'fresh', tokens: checked.tokens, context: checked.access.context };
    const [claimed] = await lease.claim<IntegrationConnection>((query) => query.where({ id: connectionId, status: 'connected' }), 1, ['*']);
    if (claimed) return refreshClaimed(deps, lease, claimed, claimed.credentials === seen ? options.aheadMs : 0);
    if (!options.wait) return { kind: 'busy' };
    if (Date.now() > giveUpAt || deps.signal?.aborted) return { kind: 'later' };
    // Another worker holds the lease: its new tokens (or the lease running out) show on the row soon.
    await sleep(WAIT_POLL_MS);
  }
}

/**
 * Refreshes a connection this worker has leased (the job claims many at once): the vendor is called with
 * no transaction open, and the answer stored through the lease before anything else. A row that needs
 * no refresh after all (someone refreshed it just before the claim) is given back unchanged.
 */
export async function refreshClaimed(deps: RefreshDeps, lease: RefreshLease, row: IntegrationConnection, aheadMs: number): Promise<RefreshOutcome> {
  const { knex, config, logger } = deps;
  const checked = await checkConnection(deps, row);
  if ('kind' in checked) {
    await lease.release(row.id);
    return checked;
  }
  const { access, tokens } = checked;
  if (!isDue(row, aheadMs)) {
    await lease.release(row.id);
    return { kind: 'fresh', tokens, context: access.context };
  }
  const name = INTEGRATION_NAMES[row.provider];
  let next: IntegrationTokens;
  try {
    next = await access.adapter.refresh(access.context, tokens);
  } catch (error) {
    if (isPlatformError(error) && error.kind === 'auth') {
      logger.warn('integration token refresh refused; the person must reconnect', { connectionId: row.id, provider: row.provider, ...error.details });
      await markIntegrationReconnectNeeded(knex, row.id, `${name} refused to renew Minopa’s access (it may have been revoked at ${name}).`);
      return { kind: 'reconnect' };
    }
    logger.warn('integration token refresh failed; will try again', { connectionId: row.id, provider: row.provider, error: error instanceof Error ? error.message : String(error) });
    await lease.release(row.id);
    return { kind: 'later' };
  }
  const stored = await lease.held(row.id).update({ ...sealIntegrationTokens(createSealer(config.tokenKeys), next), scopes: next.scopes, ...lease.released, updatedAt: knex.fn.now() });
  if (stored === 0) {
    // Disconnected or connected anew meanwhile (either ends the lease): these tokens belong to nothing now.
    logger.warn('integration token refresh finished after its connection changed; the answer is dropped', { connectionId: row.id, provider: row.provider });
    return { kind: 'later' };
  }
  return { kind: 'refreshed', tokens: next, context: access.context };
}

/** Whether the access token expires within `aheadMs` (Infinity: always). */
function isDue(row: Pick<IntegrationConnection, 'accessExpiresAt'>, aheadMs: number): boolean {
  return aheadMs === Infinity || (row.accessExpiresAt !== null && row.accessExpiresAt.getTime() - Date.now() < aheadMs);
}

/** A connected row of a provider configured here, with its tokens opened — or why it cannot be used. */
async function checkConnection(deps: RefreshDeps, row: IntegrationConnection): Promise<{ kind: 'reconnect' | 'later' } | { access: NonNullable<ReturnType<typeof integrationAccess>>; tokens: IntegrationTokens }> {
  if (row.status !== 'connected') return { kind: 'reconnect' };
  const access = integrationAccess(deps.config, row.provider, deps.signal);
  if (!access) return { kind: 'later' };
  if (row.sandbox !== access.context.settings.sandbox) {
    // Made against the simulator and now configured for the real vendor (or back): those tokens mean nothing there.
    const name = INTEGRATION_NAMES[row.provider];
    await markIntegrationReconnectNeeded(deps.knex, row.id, `This connection was made ${row.sandbox ? 'in the sandbox' : `with the real ${name}`}, and Minopa now uses ${row.sandbox ? `the real ${name}` : 'the sandbox'}.`);
    return { kind: 'reconnect' };
  }
  return { access, tokens: openIntegrationTokens(createSealer(deps.config.tokenKeys), row) };
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
  const outcome = await refreshIntegration(deps, connection.id, { wait: true, aheadMs });
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
