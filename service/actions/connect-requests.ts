import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { ImportProvider } from '#shared/imports/source-url.js';
import type { PlatformId } from '#shared/platforms.js';
import type { Config } from '../config.js';
import { keyedHash } from '../lib/tokens.js';
import { createSealer } from '../lib/token-crypto.js';

/** How long a person has to finish at the vendor. */
export const CONNECT_REQUEST_TTL_MS = 15 * 60_000;

/** Associated data of a sealed PKCE verifier (token-crypto.ts); the same for network and integration requests. */
export const CONNECT_REQUEST_SEAL_CONTEXT = 'connect_requests';

/** What a connect request is for: a workspace's network account, or a person's own integration. */
export type ConnectTarget = { workspaceId: string; platform: PlatformId; integration?: never } | { integration: ImportProvider; workspaceId?: never; platform?: never };

/** A connect request as stored. */
export interface ConnectRequestRow {
  id: string;
  workspaceId: string | null;
  userId: string;
  platform: PlatformId | null;
  integration: ImportProvider | null;
  sealedVerifier: string | null;
  sealedChoices: string | null;
  keyId: string;
  expiresAt: Date;
}

/**
 * Opens a connect request: a fresh `state` (only its keyed hash is stored) bound to this person (P25)
 * and what they connect, and a PKCE verifier when asked (sealed at rest). Answers the state and the S256
 * challenge to put in the authorization address.
 */
export async function openConnectRequest(
  knex: Knex,
  config: Pick<Config, 'appSecret' | 'tokenKeys'>,
  request: ConnectTarget & { userId: string; pkce: boolean },
): Promise<{ state: string; codeChallenge: string | null; expiresAt: Date }> {
  const state = randomBytes(32).toString('base64url');
  const verifier = request.pkce ? randomBytes(48).toString('base64url') : null;
  const sealer = createSealer(config.tokenKeys);
  const expiresAt = new Date(Date.now() + CONNECT_REQUEST_TTL_MS);
  // Old attempts of anyone are useless after their expiry; clearing them here keeps the table small.
  await knex('connect_requests').where('expiresAt', '<', knex.fn.now()).delete();
  await knex('connect_requests').insert({
    stateHash: keyedHash(config.appSecret, state),
    userId: request.userId,
    workspaceId: request.workspaceId ?? null,
    platform: request.platform ?? null,
    integration: request.integration ?? null,
    sealedVerifier: verifier ? sealer.seal(verifier, CONNECT_REQUEST_SEAL_CONTEXT).ciphertext : null,
    keyId: sealer.currentKeyId,
    expiresAt,
  });
  return { state, codeChallenge: verifier ? createHash('sha256').update(verifier).digest('base64url') : null, expiresAt };
}

/**
 * Takes (deletes and answers) the live request of an integration whose state this is, with its PKCE
 * verifier opened; null when there is none — unknown, expired, already used, or for something else. A
 * request is used once: two callbacks with the same state cannot both win the delete.
 */
export async function takeIntegrationRequest(
  knex: Knex,
  config: Pick<Config, 'appSecret' | 'tokenKeys'>,
  integration: ImportProvider,
  state: string,
): Promise<{ userId: string; verifier: string | null } | null> {
  const [row] = (await knex('connect_requests')
    .where({ stateHash: keyedHash(config.appSecret, state), integration })
    .where('expiresAt', '>', knex.fn.now())
    .delete()
    .returning(['userId', 'sealedVerifier', 'keyId'])) as Array<Pick<ConnectRequestRow, 'userId' | 'sealedVerifier' | 'keyId'>>;
  if (!row) return null;
  const verifier = row.sealedVerifier ? createSealer(config.tokenKeys).open<string>({ ciphertext: row.sealedVerifier, keyId: row.keyId }, CONNECT_REQUEST_SEAL_CONTEXT) : null;
  return { userId: row.userId, verifier };
}
