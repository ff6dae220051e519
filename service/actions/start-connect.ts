import type { Knex } from 'knex';
import type { PlatformId } from '#shared/platforms.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import { platformById } from '../platforms/registry.js';
import { platformSettings } from '../platforms/settings.js';
import { CONNECT_REQUEST_SEAL_CONTEXT, openConnectRequest } from './connect-requests.js';

/** Associated data of a sealed PKCE verifier or account choices (token-crypto.ts). */
export const CONNECT_SEAL_CONTEXT = CONNECT_REQUEST_SEAL_CONTEXT;

/** Where the network sends the person back: the same for every workspace, so it can be registered once. */
export function connectCallbackUrl(config: Pick<Config, 'publicUrl'>, platform: PlatformId): string {
  return `${config.publicUrl}/api/v1/connect/${platform}/callback`;
}

/**
 * Starts connecting a network account for a workspace: a fresh `state` (only its hash is stored) bound
 * to this person and workspace (P25), a PKCE verifier where the network supports it (sealed at rest),
 * and the network's authorization address to open.
 */
export async function startConnect(
  knex: Knex,
  config: Config,
  request: { workspaceId: string; userId: string; platform: PlatformId },
): Promise<{ authorizeUrl: string; expiresAt: Date; sandbox: boolean }> {
  const settings = platformSettings(config, request.platform);
  if (!settings) throw new HttpError('network_unavailable');
  const platform = platformById(request.platform);
  // X wants the code exchanged within 30 s of the redirect, not of the start: the request's 15 minutes are for the person.
  const { state, codeChallenge, expiresAt } = await openConnectRequest(knex, config, { ...request, pkce: platform.oauth.pkce });
  const authorizeUrl = platform.oauth.authorizeUrl(settings, { state, redirectUri: connectCallbackUrl(config, request.platform), codeChallenge });
  return { authorizeUrl, expiresAt, sandbox: settings.sandbox };
}
