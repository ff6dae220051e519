import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { PlatformId } from '#shared/platforms.js';
import type { Config } from '../config.js';
import { httpError } from '../errors.js';
import { keyedHash } from '../lib/tokens.js';
import { createSealer } from '../lib/token-crypto.js';
import { platformById } from '../platforms/registry.js';
import { platformSettings } from '../platforms/settings.js';

/** How long a person has to finish at the network (X wants the code exchanged within 30 s of the redirect, not of the start). */
const CONNECT_TTL_MS = 15 * 60_000;

/** Associated data of a sealed PKCE verifier or account choices (token-crypto.ts). */
export const CONNECT_SEAL_CONTEXT = 'connect_requests';

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
  if (!settings) throw httpError('network_unavailable');
  const platform = platformById(request.platform);
  const state = randomBytes(32).toString('base64url');
  const verifier = platform.oauth.pkce ? randomBytes(48).toString('base64url') : null;
  const sealer = createSealer(config.tokenKeys);
  const sealedVerifier = verifier ? sealer.seal(verifier, CONNECT_SEAL_CONTEXT) : null;
  const expiresAt = new Date(Date.now() + CONNECT_TTL_MS);
  // Old attempts of anyone are useless after their expiry; clearing them here keeps the table small.
  await knex('connect_requests').where('expiresAt', '<', knex.fn.now()).delete();
  await knex('connect_requests').insert({
    stateHash: keyedHash(config.appSecret, state),
    workspaceId: request.workspaceId,
    userId: request.userId,
    platform: request.platform,
    sealedVerifier: sealedVerifier?.ciphertext ?? null,
    keyId: sealer.currentKeyId,
    expiresAt,
  });
  const authorizeUrl = platform.oauth.authorizeUrl(settings, {
    state,
    redirectUri: connectCallbackUrl(config, request.platform),
    codeChallenge: verifier ? createHash('sha256').update(verifier).digest('base64url') : null,
  });
  return { authorizeUrl, expiresAt, sandbox: settings.sandbox };
}
