import type { Knex } from 'knex';
import { INTEGRATION_NAMES } from '#shared/api/integrations.js';
import { bilingual } from '#shared/i18n.js';
import type { ImportProvider } from '#shared/imports/source-url.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import type { Logger } from '../logger.js';
import { createSealer } from '../lib/token-crypto.js';
import { integrationAccess } from '../imports/adapters.js';
import { sealIntegrationTokens } from '../imports/credentials.js';
import { integrationCallbackUrl } from '../imports/settings.js';
import type { IntegrationConnection } from '../models/integration-connection.js';
import { isPlatformError } from '../platforms/lib/errors.js';
import { takeIntegrationRequest } from './connect-requests.js';

/** What the callback page shows. */
export interface FinishedIntegration {
  connection: IntegrationConnection;
  /** The Minopa account it was connected to, so a person who followed someone else's link notices. */
  minopaEmail: string;
  sandbox: boolean;
}

/**
 * The vendor sent the person back with a code (or an error). The state must match a live request for
 * this provider (P25) and is used once; the code is exchanged on the service (with the PKCE verifier),
 * then only the P9 fields are read (Canva users/me and profile; Drive about.get) and stored with the
 * sealed tokens (P26) — replacing the person's earlier connection to this provider, if any.
 */
export async function finishIntegrationConnect(
  knex: Knex,
  config: Config,
  log: Logger,
  callback: { provider: ImportProvider; state?: string; code?: string; error?: string },
): Promise<FinishedIntegration> {
  const request = callback.state ? await takeIntegrationRequest(knex, config, callback.provider, callback.state) : null;
  if (!request) throw new HttpError('connect_expired');
  const name = INTEGRATION_NAMES[callback.provider];
  if (callback.error || !callback.code) {
    throw new HttpError('connect_denied', bilingual({ en: 'The connection was cancelled at {name}, so nothing was connected.', de: 'Die Verbindung wurde bei {name} abgebrochen, es wurde also nichts verbunden.' }, { name }));
  }
  const access = integrationAccess(config, callback.provider);
  if (!access) throw new HttpError('integration_unavailable');
  const { adapter, context } = access;
  let tokens;
  let profile;
  try {
    tokens = await adapter.exchangeCode(context, { code: callback.code, redirectUri: integrationCallbackUrl(config, callback.provider), codeVerifier: request.verifier });
    profile = await adapter.readProfile(context, tokens);
  } catch (error) {
    if (!isPlatformError(error)) throw error;
    log.warn('connecting an integration failed at the vendor', { provider: callback.provider, kind: error.kind, ...error.details, sandbox: context.settings.sandbox });
    throw new HttpError('connect_failed', bilingual({ en: '{name} did not complete the connection. Please try again in a moment.', de: '{name} hat die Verbindung nicht abgeschlossen. Bitte versuchen Sie es gleich noch einmal.' }, { name }));
  }
  const sealed = sealIntegrationTokens(createSealer(config.tokenKeys), tokens);
  const values = {
    ...profile,
    scopes: tokens.scopes,
    sandbox: context.settings.sandbox,
    ...sealed,
    status: 'connected',
    statusReason: null,
    reconnectNotifiedAt: null,
    // A refresh still running for the old grant must not store its answer over these tokens.
    refreshLeaseOwner: null,
    refreshLeaseExpiresAt: null,
    connectedAt: knex.fn.now(),
    updatedAt: knex.fn.now(),
  };
  const [connection] = (await knex('integration_connections')
    .insert({ userId: request.userId, provider: callback.provider, ...values })
    .onConflict(['user_id', 'provider'])
    .merge(values)
    .returning('*')) as IntegrationConnection[];
  const user = (await knex('users').where('id', request.userId).first('email')) as { email: string };
  return { connection: connection!, minopaEmail: user.email, sandbox: context.settings.sandbox };
}
