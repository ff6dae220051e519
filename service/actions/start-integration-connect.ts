import type { Knex } from 'knex';
import type { DriveAccess } from '#shared/api/integrations.js';
import type { ImportProvider } from '#shared/imports/source-url.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import { INTEGRATION_ADAPTERS } from '../imports/adapters.js';
import { integrationCallbackUrl, integrationSettings } from '../imports/settings.js';
import { openConnectRequest } from './connect-requests.js';

/**
 * Starts connecting the person's own Canva or Google account: a connect request bound to them (P25,
 * with a sealed PKCE verifier) and the vendor's authorization address to open. Drive asks for
 * `drive.file` unless the person chose `readonly`; Canva ignores `access`.
 */
export async function startIntegrationConnect(
  knex: Knex,
  config: Config,
  request: { userId: string; provider: ImportProvider; access: DriveAccess },
): Promise<{ authorizeUrl: string; expiresAt: Date; sandbox: boolean }> {
  const settings = integrationSettings(config, request.provider);
  if (!settings) throw new HttpError('integration_unavailable');
  const adapter = INTEGRATION_ADAPTERS[request.provider];
  const opened = await openConnectRequest(knex, config, { userId: request.userId, integration: request.provider, pkce: adapter.pkce });
  const authorizeUrl = adapter.authorizeUrl(settings, {
    state: opened.state,
    redirectUri: integrationCallbackUrl(config, request.provider),
    codeChallenge: opened.codeChallenge,
    scopes: adapter.scopes(request.access),
  });
  return { authorizeUrl, expiresAt: opened.expiresAt, sandbox: settings.sandbox };
}
